#!/usr/bin/env python3
"""Writes a denser MNIST, as a Keras-style npz, to time the job on images that are not mostly zeros.

Fashion-MNIST is about 50% nonzero pixels where MNIST is 19%; neither it nor any other dense set is
available offline here, so this keeps MNIST's images and labels and gives zero pixels a random value
(1..255) with the probability that brings the nonzero fraction to --density. The result has MNIST's
shapes and split, so `bench --data FILE` times the same network on the same row counts.

    python3 src/test/python/make_dense_mnist.py --density 0.5 --out /tmp/mnist-dense50.npz
    SPARK_MASTER='local[2]' submit/local bench --data /tmp/mnist-dense50.npz --skip-mllib
"""

import argparse
import gzip
import os

import numpy as np

EMBEDDED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "main", "resources", "mnist")


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def densify(images, density, rng):
    """A copy of images where each zero pixel becomes 1..255 with the probability that reaches density."""
    zeros = images == 0
    current = 1.0 - zeros.mean()
    if density <= current:
        return images.copy()
    p = (density - current) / zeros.mean()
    fill = zeros & (rng.random(images.shape) < p)
    out = images.copy()
    out[fill] = rng.integers(1, 256, size=int(fill.sum()), dtype=np.uint8)
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--density", type=float, default=0.5, help="nonzero pixel fraction to reach (0..1]")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--mnist", default=EMBEDDED, help="directory with the four gzip IDX files")
    parser.add_argument("--out", required=True, help="npz file to write")
    args = parser.parse_args()
    if not 0 < args.density <= 1:
        parser.error(f"--density must be in (0, 1], got {args.density}")
    rng = np.random.default_rng(args.seed)
    arrays = {}
    for part, prefix in (("train", "train"), ("test", "t10k")):
        images = read_idx(os.path.join(args.mnist, f"{prefix}-images-idx3-ubyte.gz"))
        arrays[f"x_{part}"] = densify(images, args.density, rng)
        arrays[f"y_{part}"] = read_idx(os.path.join(args.mnist, f"{prefix}-labels-idx1-ubyte.gz"))
    np.savez(args.out, **arrays)
    print(f"{args.out}: nonzero fraction train {np.count_nonzero(arrays['x_train']) / arrays['x_train'].size:.3f}, "
          f"test {np.count_nonzero(arrays['x_test']) / arrays['x_test'].size:.3f}")


if __name__ == "__main__":
    main()
