#!/usr/bin/env python3
"""A small real-valued dataset with negative features, and numpy's first 20 Adam steps on it.

Writes
  src/test/resources/fixtures/real-valued.csv   150 rows: x0..x4 (floats, many negative), label (0, 1 or 2),
                                                 is_val (true for every fifth row); a header line
  src/test/resources/golden/real-valued-adam-20.txt
                                                 train and validation loss of steps 1..20 (train loss at the
                                                 weights before update t, validation after it), numpy float64

The network is the job's: h = relu(X W1 + b1), logits = h W2 + b2, softmax cross-entropy, mean over the
training rows; 5-8-3, W1 then W2 from numpy.random.RandomState(3).normal(0, 0.5), biases 0; Adam as Keras
computes it with its hyperparameters held in float32 (the job's default): lr float32(0.01), b1 float32(0.9),
b2 float32(0.999), eps 1e-7. The features go in as written in the CSV (repr of each float64), so Java reads
the same doubles.

  python3 src/test/python/make_real_valued.py
"""
import math
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
RESOURCES = os.path.normpath(os.path.join(HERE, "..", "resources"))
ROWS, FEATURES, HIDDEN, CLASSES, STEPS = 150, 5, 8, 3, 20


def data():
    rs = np.random.RandomState(11)
    centers = rs.normal(0.0, 2.0, (CLASSES, FEATURES))
    labels = rs.randint(0, CLASSES, ROWS)
    X = centers[labels] + rs.normal(0.0, 1.5, (ROWS, FEATURES))
    X[::7, 2] = 0.0  # some exact zeros, which sparse storage skips
    is_val = np.arange(ROWS) % 5 == 4
    return X, labels, is_val


def loss_grad(X, y, params):
    W1, b1, W2, b2 = params
    n = len(y)
    h = np.maximum(X @ W1 + b1, 0.0)
    logits = h @ W2 + b2
    shifted = logits - logits.max(axis=1, keepdims=True)
    e = np.exp(shifted)
    s = e.sum(axis=1, keepdims=True)
    loss = float((np.log(s[:, 0]) - shifted[np.arange(n), y]).mean())
    d = e / s
    d[np.arange(n), y] -= 1.0
    d /= n
    dh = (d @ W2.T) * (h > 0.0)
    return loss, [X.T @ dh, dh.sum(axis=0), h.T @ d, d.sum(axis=0)]


def main():
    X, y, is_val = data()
    with open(os.path.join(RESOURCES, "fixtures", "real-valued.csv"), "w") as f:
        f.write(",".join(["x%d" % i for i in range(FEATURES)] + ["label", "is_val"]) + "\n")
        for row, label, val in zip(X, y, is_val):
            f.write(",".join([repr(float(v)) for v in row] + [str(int(label)), "true" if val else "false"]) + "\n")
    train_X, train_y = X[~is_val], y[~is_val]
    val_X, val_y = X[is_val], y[is_val]
    rs = np.random.RandomState(3)
    params = [rs.normal(0.0, 0.5, (FEATURES, HIDDEN)), np.zeros(HIDDEN), rs.normal(0.0, 0.5, (HIDDEN, CLASSES)),
              np.zeros(CLASSES)]
    lr, b1, b2, eps = [float(np.float32(v)) for v in (0.01, 0.9, 0.999)] + [1e-7]
    m = [np.zeros_like(w) for w in params]
    v = [np.zeros_like(w) for w in params]
    train_losses, val_losses = [], []
    for t in range(1, STEPS + 1):
        loss, grads = loss_grad(train_X, train_y, params)
        alpha = lr * math.sqrt(1.0 - b2 ** t) / (1.0 - b1 ** t)
        for w, g, mm, vv in zip(params, grads, m, v):
            mm += (g - mm) * (1.0 - b1)
            vv += (g * g - vv) * (1.0 - b2)
            w -= (mm * alpha) / (np.sqrt(vv) + eps)
        train_losses.append(loss)
        val_losses.append(loss_grad(val_X, val_y, params)[0])
    path = os.path.join(RESOURCES, "golden", "real-valued-adam-20.txt")
    with open(path, "w") as f:
        f.write("# real-valued-adam-20: numpy's first 20 Adam steps on fixtures/real-valued.csv (numpy %s).\n"
                % np.__version__)
        f.write("# Made by: python3 src/test/python/make_real_valued.py (see its docstring for the settings).\n")
        f.write("# Format: '#' lines are comments; the comment right before a run of values labels it.\n")
        f.write("# train_loss steps 1..20\n")
        f.writelines(repr(v) + "\n" for v in train_losses)
        f.write("# val_loss steps 1..20\n")
        f.writelines(repr(v) + "\n" for v in val_losses)
    print("wrote", path)


if __name__ == "__main__":
    main()
