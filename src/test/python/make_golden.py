#!/usr/bin/env python3
"""Write the golden files for the Java unit tests into src/test/resources/golden/.

Usage: python3 src/test/python/make_golden.py [--out DIR] [--mnist DIR] [--fixture NPZ]

Only the standard library and numpy are used. Every file is plain text: comment lines start with '#',
the first one says what the file is; a line '# <label>' opens a block and the lines up to the next
comment line are its values, one per line (floats as Python repr, i.e. the shortest string that reads
back to the same float64; integers as decimal).
"""

import argparse
import gzip
import os
import struct
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.normpath(os.path.join(HERE, "..", "resources", "golden"))
DEFAULT_MNIST = "/work/shared/data/mnist"
DEFAULT_FIXTURE = "/work/shared/data/fixtures/mnist-first100.npz"
MAKER = "src/test/python/make_golden.py (numpy %s)" % np.__version__


def fmt(v):
    if isinstance(v, (int, np.integer)):
        return str(int(v))
    return repr(float(v))


def write(path, header, blocks):
    with open(path, "w") as f:
        for line in header:
            f.write("# " + line + "\n" if line else "#\n")
        f.write("# Format: lines starting with '#' are comments; the comment line right before a run of values is that\n"
                "# block's label. One value per line: floats as Python repr (round-trip exact), integers in decimal.\n")
        for label, values in blocks:
            f.write("# " + label + "\n")
            for v in np.asarray(values).ravel().tolist() if not isinstance(values, list) else values:
                f.write(fmt(v) + "\n")
    print("wrote", path)


# ----------------------------------------------------------------------------------- a. normal init

def normal_init(out):
    first = np.random.RandomState(0).normal(0, 0.1, 20)
    std = np.random.RandomState(0).standard_normal(6)
    rs = np.random.RandomState(0)
    W1 = rs.normal(0, 0.1, (784, 128))
    W2 = rs.normal(0, 0.1, (128, 10))
    assert np.array_equal(W1[0, :5], first[:5])
    write(os.path.join(out, "normal-init-seed0.txt"), [
        "normal-init-seed0: numpy's legacy normal generator with seed 0, the --init normal of the job.",
        "Made by " + MAKER + ".",
        "Generator: np.random.RandomState(seed) = MT19937 seeded by init_genrand(seed); normal(loc, scale) =",
        "loc + scale * gauss, gauss = legacy polar Box-Muller (draw x1 = 2u-1, x2 = 2v-1 with u, v = 53-bit",
        "doubles ((a>>5)*67108864 + (b>>6)) / 9007199254740992 until 0 < r2 = x1^2+x2^2 < 1; f = sqrt(-2 ln r2 / r2);",
        "return x2*f and cache x1*f for the next call). The cache belongs to the generator and survives",
        "between normal() calls.",
        "Blocks:",
        "  RandomState(0).standard_normal(6)",
        "  RandomState(0).normal(0, 0.1, 20)",
        "  rs = RandomState(0); W1 = rs.normal(0, 0.1, (784, 128)); W2 = rs.normal(0, 0.1, (128, 10))",
        "  (row-major draws; W2 starts at draw 100352), then W1/W2 slices. Floats are exact (repr).",
    ], [
        ("RandomState(0).standard_normal(6)", std),
        ("RandomState(0).normal(0, 0.1, 20)", first),
        ("W1[0,0:5]", W1[0, :5]),
        ("W1[783,123:128]", W1[783, 123:]),
        ("W2[0,0:5]", W2[0, :5]),
        ("W2[127,5:10]", W2[127, 5:]),
    ])


# -------------------------------------------------------------------------------- b. MT19937, split

def read_labels(mnist_dir, name):
    with gzip.open(os.path.join(mnist_dir, name + ".gz"), "rb") as f:
        data = f.read()
    magic, n = struct.unpack(">II", data[:8])
    assert magic == 2049, magic
    return np.frombuffer(data, np.uint8, offset=8)[:n]


def mt_and_split(out, mnist_dir):
    bg = np.random.MT19937()
    bg._legacy_seeding(0)
    raw = bg.random_raw(10)
    rs = np.random.RandomState(0)
    assert rs.randint(0, 2 ** 32, size=10, dtype=np.uint64).tolist() == raw.tolist()
    doubles = np.random.RandomState(0).random_sample(5)
    perm = np.random.RandomState(0).permutation(60000)
    assert perm[:10].tolist() == [3048, 19563, 58303, 8870, 40228, 31488, 21860, 56864, 845, 25770]
    y = read_labels(mnist_dir, "train-labels-idx1-ubyte")
    hist = np.bincount(y[perm[:12000]], minlength=10)
    assert hist.tolist() == [1205, 1379, 1166, 1208, 1153, 1075, 1190, 1228, 1191, 1205], hist
    write(os.path.join(out, "mt19937-seed0.txt"), [
        "mt19937-seed0: MT19937 seeded with init_genrand(0) (= np.random.RandomState(0)) and the notebook's split.",
        "Made by " + MAKER + ".",
        "  uint32 outputs: bg = np.random.MT19937(); bg._legacy_seeding(0); bg.random_raw(10)",
        "  (checked equal to RandomState(0).randint(0, 2**32, 10, dtype=uint64))",
        "  doubles: RandomState(0).random_sample(5) = ((a>>5)*67108864 + (b>>6)) / 2^53 from consecutive outputs a, b",
        "  perm = RandomState(0).permutation(60000) (Fisher-Yates from the last index down, j in [0, i] by masked",
        "  rejection on 32-bit outputs); sklearn train_test_split(test_size=0.2, random_state=0): val = perm[:12000],",
        "  train = perm[12000:]",
        "  validation-label histogram: counts of digits 0..9 among train-labels[perm[:12000]] of the real MNIST file",
    ], [
        ("random_raw[0:10] (uint32)", raw.astype(np.int64)),
        ("random_sample[0:5]", doubles),
        ("perm[0:10]", perm[:10]),
        ("perm[12000:12010]", perm[12000:12010]),
        ("perm[59995:60000]", perm[-5:]),
        ("validation label histogram, digits 0..9", hist),
    ])


# ------------------------------------------------------------------------------ c. small network

def small_params():
    rs = np.random.RandomState(7)
    W1 = rs.normal(0, 0.1, (784, 5))
    W2 = rs.normal(0, 0.1, (5, 10))
    b1 = rs.normal(0, 0.1, 5)
    b2 = rs.normal(0, 0.1, 10)   # its first value is the gauss cached by b1's 5th (odd) draw
    return [W1, b1, W2, b2]


def flat(parts):
    return np.concatenate([np.asarray(p).ravel() for p in parts])


def unflat(v):
    return [v[:3920].reshape(784, 5), v[3920:3925], v[3925:3975].reshape(5, 10), v[3975:3985]]


def loss_grad_sum(X, y, params, dtype):
    """Summed softmax cross-entropy over the rows, correct count, gradient of the summed loss (flat)."""
    W1, b1, W2, b2 = [np.asarray(p, dtype=dtype) for p in params]
    X = np.asarray(X, dtype=dtype)
    n = len(y)
    rows = np.arange(n)
    h = np.maximum(X @ W1 + b1, 0)
    logits = h @ W2 + b2
    correct = int(np.count_nonzero(np.argmax(logits, axis=1) == y))
    shifted = logits - logits.max(axis=1, keepdims=True)
    e = np.exp(shifted)
    s = e.sum(axis=1, keepdims=True)
    loss = np.sum(np.log(s[:, 0]) - shifted[rows, y])
    d = e / s
    d[rows, y] -= 1
    gW2 = h.T @ d
    gb2 = d.sum(axis=0)
    dh = (d @ W2.T) * (h > 0)
    gW1 = X.T @ dh
    gb1 = dh.sum(axis=0)
    return loss, correct, flat([gW1, gb1, gW2, gb2])


def accurate(X, y, params):
    """Computed in np.longdouble (x87 80-bit on x86-64) from the float64 inputs, rounded once to float64;
    cross-checked against a plain float64 evaluation."""
    l_ld, c_ld, g_ld = loss_grad_sum(X, y, params, np.longdouble)
    l_64, c_64, g_64 = loss_grad_sum(X, y, params, np.float64)
    assert c_ld == c_64
    assert abs(float(l_ld) - l_64) <= 1e-13 * abs(l_64), (l_ld, l_64)
    scale = np.abs(g_64).max()
    assert np.abs(g_ld.astype(np.float64) - g_64).max() <= 1e-13 * scale
    return float(l_ld), c_ld, g_ld.astype(np.float64)


def fixture_rows(fixture, n):
    d = np.load(fixture)
    x = d["x_train"][:n].reshape(n, 784).astype(np.float64) / 255.0
    y = d["y_train"][:n].astype(np.intp)
    return x, y


def small_network(out, fixture):
    params = small_params()
    x, y = fixture_rows(fixture, 64)
    loss64, c64, g64 = accurate(x, y, params)
    loss7, c7, g7 = accurate(x[:7], y[:7], params)
    write(os.path.join(out, "small-network.txt"), [
        "small-network: forward/backward of a 784-5-10 ReLU network on the first 64 training records of the fixture.",
        "Made by " + MAKER + ".",
        "Data: np.load('data/fixtures/mnist-first100.npz'): x = x_train[:64].reshape(64, 784) / 255.0 (float64),",
        "  labels = y_train[:64]; the 7-row blocks use rows 0..6 of the same.",
        "Params: rs = np.random.RandomState(7); W1 = rs.normal(0, 0.1, (784, 5)); W2 = rs.normal(0, 0.1, (5, 10));",
        "  b1 = rs.normal(0, 0.1, 5); b2 = rs.normal(0, 0.1, 10)   (draws in that order, one generator; b1 takes",
        "  an odd number of gauss draws, so b2[0] is the value the polar method cached). The last block lists them.",
        "Network: h = relu(x W1 + b1); logits = h W2 + b2; loss_row = logsumexp(logits) - logits[label].",
        "Written: loss_sum = sum of loss_row; correct = #rows with argmax(logits) == label (first max wins);",
        "  grad_sum = gradient of loss_sum (NOT the mean), flattened W1 row-major (784x5), b1 (5), W2 row-major (5x10),",
        "  b2 (10): 3985 values; d logits = softmax - onehot; relu' = (h > 0).",
        "Computed in np.longdouble from the float64 inputs and rounded once to float64 (cross-checked against plain",
        "  float64 numpy to 1e-13 relative), so the values are independent of summation order: compare with a",
        "  tolerance of ~1e-12 relative to the largest |value| of the block, not bit-exactly.",
    ], [
        ("loss_sum rows 0..63", [loss64]),
        ("correct rows 0..63", [c64]),
        ("grad_sum rows 0..63 (3985: W1 784x5, b1 5, W2 5x10, b2 10)", g64),
        ("loss_sum rows 0..6", [loss7]),
        ("correct rows 0..6", [c7]),
        ("grad_sum rows 0..6 (3985: W1 784x5, b1 5, W2 5x10, b2 10)", g7),
        ("params (3985: W1 784x5, b1 5, W2 5x10, b2 10)", flat(params)),
    ])


# ------------------------------------------------------------------------- d. SGD and Adam steps

def sgd_adam(out, fixture):
    x, y = fixture_rows(fixture, 64)
    n = len(y)
    lr = 0.001
    b1, b2, eps = 0.9, 0.999, 1e-7
    # W1[0,0..2], W1[783,0], b1[0], W2[0,0], b2[9] (last) and five spread-out entries with a nonzero gradient:
    # W1[346,3], W1[406,0], W1[575,4], b1[3], W2[3,7]
    idx = [0, 1, 2, 783 * 5, 784 * 5, 784 * 5 + 5, 3984,
           346 * 5 + 3, 406 * 5 + 0, 575 * 5 + 4, 784 * 5 + 3, 784 * 5 + 5 + 3 * 10 + 7]
    idx = sorted(idx)

    def mean_loss_grad(w):
        loss, _, g = accurate(x, y, unflat(w))
        return loss / n, g / n          # n = 64: division exact

    w0 = flat(small_params())
    _, g0 = mean_loss_grad(w0)
    for i in (346 * 5 + 3, 406 * 5 + 0, 575 * 5 + 4, 784 * 5 + 3, 784 * 5 + 5 + 3 * 10 + 7):
        assert g0[i] != 0.0, i

    # SGD: w -= lr * g
    w = w0.copy()
    sgd_loss, sgd_after = [], {}
    for t in (1, 2, 3):
        loss, g = mean_loss_grad(w)
        sgd_loss.append(loss)
        w = w - lr * g
        sgd_after[t] = w.copy()
    sgd_final_loss, _ = mean_loss_grad(w)

    # Adam, TensorFlow form
    w = w0.copy()
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    adam_loss, adam_after = [], {}
    for t in (1, 2, 3):
        loss, g = mean_loss_grad(w)
        adam_loss.append(loss)
        alpha = lr * np.sqrt(1.0 - b2 ** float(t)) / (1.0 - b1 ** float(t))
        m += (g - m) * (1.0 - b1)
        v += (g * g - v) * (1.0 - b2)
        w = w - (m * alpha) / (np.sqrt(v) + eps)
        adam_after[t] = w.copy()
    adam_final_loss, _ = mean_loss_grad(w)

    write(os.path.join(out, "sgd-adam-steps.txt"), [
        "sgd-adam-steps: 1 and 3 optimizer steps on the small network of small-network.txt (same 64 rows, same params).",
        "Made by " + MAKER + ".",
        "Gradient: the mean over the 64 rows = grad_sum / 64 (as in small-network.txt: longdouble, rounded to float64).",
        "Mean loss = loss_sum / 64. Flat order W1 784x5 row-major, b1 5, W2 5x10 row-major, b2 10 (3985 entries).",
        "SGD: w -= lr * g, lr = 0.001 (float64).",
        "Adam (TensorFlow/Keras form, float64): t = 1, 2, ...; alpha = lr * sqrt(1 - b2^t) / (1 - b1^t);",
        "  m += (g - m) * (1 - b1); v += (g*g - v) * (1 - b2); w -= (m * alpha) / (sqrt(v) + eps);",
        "  lr 0.001, b1 0.9, b2 0.999, eps 1e-7, m = v = 0 at the start.",
        "Only the entries at the listed flat indices are written, in that order. W1[0,*] and W1[783,*] see only",
        "  zero pixels here, so their gradient is 0 and they do not move. Compare with a tolerance (~1e-12 relative).",
    ], [
        ("flat indices", idx),
        ("initial params at the indices", w0[idx]),
        ("sgd: mean loss before step 1, 2, 3 and after step 3", sgd_loss + [sgd_final_loss]),
        ("sgd: params after 1 step", sgd_after[1][idx]),
        ("sgd: params after 3 steps", sgd_after[3][idx]),
        ("adam: mean loss before step 1, 2, 3 and after step 3", adam_loss + [adam_final_loss]),
        ("adam: params after 1 step", adam_after[1][idx]),
        ("adam: params after 3 steps", adam_after[3][idx]),
    ])


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", default=DEFAULT_OUT)
    p.add_argument("--mnist", default=DEFAULT_MNIST)
    p.add_argument("--fixture", default=DEFAULT_FIXTURE)
    a = p.parse_args(argv)
    os.makedirs(a.out, exist_ok=True)
    normal_init(a.out)
    mt_and_split(a.out, a.mnist)
    small_network(a.out, a.fixture)
    sgd_adam(a.out, a.fixture)
    return 0


if __name__ == "__main__":
    sys.exit(main())
