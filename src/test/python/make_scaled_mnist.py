#!/usr/bin/env python3
"""Writes MNIST-format data k times MNIST's training set, to time how the step grows with the data.

Copy 0 of the training set is MNIST itself; copy c > 0 holds the same digits shifted by a few pixels
(a fixed list of shifts of up to 2 pixels in each direction, pixels moved off the edge dropped, zeros
moved in), with the same labels. The test set is MNIST's. The files are raw IDX (not gzip), so each Spark
partition seeks straight to its own records:

    python3 src/test/python/make_scaled_mnist.py --copies 10 --out /tmp/mnist-x10
    SPARK_MASTER='local[2]' submit/local bench --data /tmp/mnist-x10 --partitions 4 --skip-mllib --skip-dense

The job splits the training file 80/20 as usual: 10 copies give 480 000 training and 120 000 validation rows.
"""

import argparse
import gzip
import os

import numpy as np

EMBEDDED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "main", "resources", "mnist")

# (rows down, columns right); copy c > 0 uses SHIFTS[(c - 1) % len(SHIFTS)]
SHIFTS = [(dy, dx) for dy in (-2, -1, 0, 1, 2) for dx in (-2, -1, 0, 1, 2) if (dy, dx) != (0, 0)]


def read_idx(path):
    with gzip.open(path, "rb") as f:
        return f.read()


def idx_body(data):
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def idx_header(shape):
    head = bytes([0, 0, 0x08, len(shape)])
    for n in shape:
        head += int(n).to_bytes(4, "big")
    return head


def shifted(images, dy, dx):
    """images moved dy rows down and dx columns right; what leaves the 28 x 28 frame is dropped."""
    out = np.zeros_like(images)
    h, w = images.shape[1], images.shape[2]
    src_rows = slice(max(0, -dy), h - max(0, dy))
    dst_rows = slice(max(0, dy), h - max(0, -dy))
    src_cols = slice(max(0, -dx), w - max(0, dx))
    dst_cols = slice(max(0, dx), w - max(0, -dx))
    out[:, dst_rows, dst_cols] = images[:, src_rows, src_cols]
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, required=True, help="k: the training set holds k x 60000 rows")
    parser.add_argument("--out", required=True, help="directory to write the four raw IDX files into")
    args = parser.parse_args()
    if args.copies < 1:
        parser.error("--copies must be at least 1")
    images = idx_body(read_idx(os.path.join(EMBEDDED, "train-images-idx3-ubyte.gz")))
    labels = idx_body(read_idx(os.path.join(EMBEDDED, "train-labels-idx1-ubyte.gz")))
    os.makedirs(args.out, exist_ok=True)
    n = images.shape[0] * args.copies
    with open(os.path.join(args.out, "train-images-idx3-ubyte"), "wb") as f:
        f.write(idx_header((n, images.shape[1], images.shape[2])))
        for c in range(args.copies):
            f.write((images if c == 0 else shifted(images, *SHIFTS[(c - 1) % len(SHIFTS)])).tobytes())
    with open(os.path.join(args.out, "train-labels-idx1-ubyte"), "wb") as f:
        f.write(idx_header((n,)))
        for _ in range(args.copies):
            f.write(labels.tobytes())
    for name in ("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"):
        with open(os.path.join(args.out, name), "wb") as f:
            f.write(read_idx(os.path.join(EMBEDDED, name + ".gz")))
    print(f"wrote {n} training rows ({args.copies} x 60000) and MNIST's 10000 test rows to {args.out}")


if __name__ == "__main__":
    main()
