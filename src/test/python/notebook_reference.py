#!/usr/bin/env python3
r"""Independent float64 numpy reference for the homework notebook (spec/homework-notebook.txt).

This is the oracle the Java/Spark job is checked against. It uses only the Python standard library and
numpy: the four MNIST IDX files are read with gzip + numpy, the split is scikit-learn's
train_test_split(test_size=0.2, random_state=0) written out, and the network is the notebook's
784-128-10 ReLU MLP trained full-batch with exact gradients.

What reproduces the notebook (measured with this script, numpy 2.4, OpenBLAS):
  SGD from 0.01:  --lr-dtype float32 matches all 20 printed losses to <= 9e-16 (float64 lr: up to 1.9e-10).
  Adam from 0.01: --lr-dtype float32 --beta-dtype float32 matches step 100 to ~1e-14; later steps cannot match,
                  because this reference keeps the 128 hidden units exactly identical (the notebook's run
                  left that symmetric path between steps 100 and 200).

Meaning of one history row (the notebook's):
  step t (1-based)  train_loss / train_accuracy: at the weights BEFORE update t (same pass as the gradient)
                    val_loss / val_accuracy:     at the weights AFTER update t

Examples (set the BLAS thread count outside; --threads only records it):
  OMP_NUM_THREADS=2 OPENBLAS_NUM_THREADS=2 python3 notebook_reference.py --optimizer sgd --init constant
  OMP_NUM_THREADS=2 OPENBLAS_NUM_THREADS=2 python3 notebook_reference.py --optimizer adam --init normal \
      --early-stopping --json /tmp/numpy-ref/adam-normal-es.json
"""

import argparse
import gzip
import hashlib
import json
import math
import os
import struct
import sys
import time

import numpy as np

DEFAULT_DATA = "/work/shared/data/mnist"

# data/README.md: SHA-256 of the decompressed IDX files.
KNOWN_SHA256 = {
    "train-images-idx3-ubyte": "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
    "train-labels-idx1-ubyte": "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
    "t10k-images-idx3-ubyte": "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
    "t10k-labels-idx1-ubyte": "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2",
}
# data/README.md: known values of RandomState(0).permutation(60000).
KNOWN_PERM_HEAD = [3048, 19563, 58303, 8870, 40228, 31488, 21860, 56864, 845, 25770]
KNOWN_PERM_12000 = [5778, 5287, 57167, 29516, 58610, 39062, 4030, 36271, 54569, 44324]
KNOWN_PERM_TAIL = [45891, 52416, 42613, 43567, 2732]
# Validation-label histogram of the notebook's split on the real MNIST files.
KNOWN_VAL_HISTOGRAM = [1205, 1379, 1166, 1208, 1153, 1075, 1190, 1228, 1191, 1205]

# The notebook's printed values (steps 100, 200, ..., 1000), copied from spec/homework-notebook.txt.
NOTEBOOK_SGD_CONSTANT = {  # In [14]: SGD lr 0.001, weights 0.01, biases 0
    "train": [2.2897008012610214, 2.2885273600069644, 2.288077919672611, 2.2876922440278804,
              2.2873129619343704, 2.2869334409861777, 2.286552793231049, 2.286170876136721,
              2.2857876490896767, 2.2854030855605467],
    "val": [2.289479290026079, 2.288352452174254, 2.2879296027007334, 2.2875514152135263,
            2.28716981953226, 2.2867837800769775, 2.286394914303772, 2.286004099384347,
            2.2856116937900213, 2.2852178242256445],
}
NOTEBOOK_ADAM_CONSTANT = {  # In [20]: Adam lr 0.001, weights 0.01, biases 0
    "train": [1.9804271528012936, 1.6324480123115748, 1.452934952189212, 1.355787933641268,
              1.303882211658549, 1.2740449876047557, 1.2501872731872314, 1.2292636930171879,
              1.2078729407094653, 1.1823800896381247],
    "val": [1.9775076904919842, 1.6273823948693174, 1.4512274194928598, 1.352473755385554,
            1.3003036412204518, 1.2725047864196934, 1.250172077157178, 1.2309954966618717,
            1.2089952079892847, 1.1810272069073187],
}
# In [23] (SGD) and In [40] (Adam + early stopping) start from tf.random.normal with tf.random.set_seed(0),
# a generator this reference does not reproduce (we use numpy's RandomState instead); kept for context.
NOTEBOOK_ADAM_NORMAL_EARLY_STOP = {"stop_message_step": 892, "updates_applied": 893, "test_accuracy": 0.9723}


# ----------------------------------------------------------------------------------------------- data

def read_idx(directory, name, verify=True):
    """Read one IDX file (name.gz preferred, else the raw file) into a uint8 ndarray."""
    gz = os.path.join(directory, name + ".gz")
    raw = os.path.join(directory, name)
    if os.path.exists(gz):
        with gzip.open(gz, "rb") as f:
            data = f.read()
    else:
        with open(raw, "rb") as f:
            data = f.read()
    if data[0] != 0 or data[1] != 0 or data[2] != 0x08:
        raise ValueError(f"{name}: not an unsigned-byte IDX file (magic {data[:4].hex()})")
    ndim = data[3]
    dims = struct.unpack(">" + "I" * ndim, data[4:4 + 4 * ndim])
    arr = np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim)
    if arr.size != math.prod(dims):
        raise ValueError(f"{name}: {arr.size} bytes of data for dims {dims}")
    sha_ok = None
    if verify and name in KNOWN_SHA256:
        sha_ok = hashlib.sha256(data).hexdigest() == KNOWN_SHA256[name]
        if not sha_ok:
            print(f"warning: {name}: SHA-256 differs from data/README.md", file=sys.stderr)
    return arr.reshape(dims), sha_ok


def notebook_split(n=60000):
    """scikit-learn's train_test_split(test_size=0.2, random_state=0): (train_idx, val_idx)."""
    perm = np.random.RandomState(0).permutation(n)
    if n == 60000:
        assert perm[:10].tolist() == KNOWN_PERM_HEAD, perm[:10]
        assert perm[12000:12010].tolist() == KNOWN_PERM_12000, perm[12000:12010]
        assert perm[-5:].tolist() == KNOWN_PERM_TAIL, perm[-5:]
    n_val = int(math.ceil(0.2 * n))
    return perm[n_val:], perm[:n_val]


def load(directory):
    x_full, ok1 = read_idx(directory, "train-images-idx3-ubyte")
    y_full, ok2 = read_idx(directory, "train-labels-idx1-ubyte")
    x_test, ok3 = read_idx(directory, "t10k-images-idx3-ubyte")
    y_test, ok4 = read_idx(directory, "t10k-labels-idx1-ubyte")
    train_idx, val_idx = notebook_split(len(y_full))

    def prep(x):  # (n, 784) float64 in [0, 1], C-contiguous
        return np.ascontiguousarray(x.reshape(len(x), -1), dtype=np.float64) / 255.0

    d = {
        "x_train": prep(x_full[train_idx]), "y_train": y_full[train_idx].astype(np.intp),
        "x_val": prep(x_full[val_idx]), "y_val": y_full[val_idx].astype(np.intp),
        "x_test": prep(x_test), "y_test": y_test.astype(np.intp),
        "sha256_ok": bool(ok1 and ok2 and ok3 and ok4),
    }
    hist = np.bincount(d["y_val"], minlength=10).tolist()
    if d["sha256_ok"]:
        assert hist == KNOWN_VAL_HISTOGRAM, hist
    d["val_histogram"] = hist
    return d


# ------------------------------------------------------------------------------------------- network

def init_params(kind, value, stddev, seed, hidden=128):
    if kind == "constant":
        W1 = np.full((784, hidden), value, dtype=np.float64)
        W2 = np.full((hidden, 10), value, dtype=np.float64)
    else:
        # MT19937 (init_genrand(seed)) + numpy's legacy polar Box-Muller gauss, the generator the Java
        # job reproduces; W1 draws first (row-major), then W2.
        rs = np.random.RandomState(seed)
        W1 = rs.normal(0.0, stddev, (784, hidden))
        W2 = rs.normal(0.0, stddev, (hidden, 10))
    return [W1, np.zeros(hidden), W2, np.zeros(10)]


class Evaluator:
    """Forward (and backward) passes over one fixed data set, with preallocated buffers."""

    def __init__(self, X, y, hidden=128):
        self.X, self.y, self.n = X, y, len(y)
        self.rows = np.arange(self.n)
        self.z = np.empty((self.n, hidden))
        self.logits = np.empty((self.n, 10))

    def run(self, params, grad):
        W1, b1, W2, b2 = params
        h = np.matmul(self.X, W1, out=self.z)
        h += b1
        np.maximum(h, 0.0, out=h)                       # h = relu(X W1 + b1)
        logits = np.matmul(h, W2, out=self.logits)
        logits += b2                                    # logits = h W2 + b2
        correct = int(np.count_nonzero(logits.argmax(axis=1) == self.y))
        shifted = logits - logits.max(axis=1, keepdims=True)
        e = np.exp(shifted)
        s = e.sum(axis=1, keepdims=True)
        loss_rows = np.log(s[:, 0]) - shifted[self.rows, self.y]   # logsumexp - logit[label]
        loss = float(loss_rows.mean())
        if not grad:
            return loss, correct, None
        d = e / s                                       # softmax
        d[self.rows, self.y] -= 1.0
        d *= 1.0 / self.n                               # d mean-loss / d logits (TF: grad 1/n times xent grad)
        gW2 = h.T @ d
        gb2 = d.sum(axis=0)
        dh = d @ W2.T
        dh *= h > 0.0                                   # relu'
        gW1 = self.X.T @ dh
        gb1 = dh.sum(axis=0)
        return loss, correct, [gW1, gb1, gW2, gb2]


class Sgd:
    def __init__(self, lr):
        self.lr = lr

    def apply(self, params, grads):
        for w, g in zip(params, grads):
            w -= self.lr * g


class Adam:
    """TensorFlow's Adam (training_ops ApplyAdam / Keras update_step), in float64."""

    def __init__(self, lr, beta1=0.9, beta2=0.999, eps=1e-7):
        self.lr, self.b1, self.b2, self.eps = lr, beta1, beta2, eps
        self.t = 0
        self.m = self.v = None

    def apply(self, params, grads):
        if self.m is None:
            self.m = [np.zeros_like(w) for w in params]
            self.v = [np.zeros_like(w) for w in params]
        self.t += 1
        t = float(self.t)
        alpha = self.lr * math.sqrt(1.0 - self.b2 ** t) / (1.0 - self.b1 ** t)
        for w, g, m, v in zip(params, grads, self.m, self.v):
            m += (g - m) * (1.0 - self.b1)
            v += (g * g - v) * (1.0 - self.b2)
            w -= (m * alpha) / (np.sqrt(v) + self.eps)


def symmetry(params):
    """How far the hidden units are from identical: max |col j - col 0| of W1, |b1 - b1[0]|, |row j - row 0| of W2."""
    W1, b1, W2, _ = params
    return {"W1": float(np.abs(W1 - W1[:, :1]).max()), "b1": float(np.abs(b1 - b1[0]).max()),
            "W2": float(np.abs(W2 - W2[:1, :]).max())}


# ---------------------------------------------------------------------------------------------- main

def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", default=DEFAULT_DATA, help="directory with the four MNIST IDX files (.gz or raw)")
    p.add_argument("--optimizer", choices=["sgd", "adam"], default="sgd")
    p.add_argument("--init", choices=["constant", "normal"], default="constant")
    p.add_argument("--init-value", type=float, default=0.01)
    p.add_argument("--init-stddev", type=float, default=0.1)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--learning-rate", type=float, default=0.001)
    p.add_argument("--lr-dtype", choices=["float32", "float64"], default="float64",
                   help="float32: use float64(np.float32(lr)), as a Keras float32 learning-rate variable cast "
                        "to float64 does; float32 reproduces the notebook's SGD run to <1e-15, float64 only to ~2e-10")
    p.add_argument("--beta-dtype", choices=["float32", "float64"], default="float64",
                   help="Adam beta1/beta2 as float64 (Keras 3 / TF>=2.11 Python floats) or float32-rounded "
                        "(legacy OptimizerV2 float32 hyper variables); with --lr-dtype float32, float32 betas "
                        "reproduce the notebook's Adam step 100 to ~1e-14 (float64 betas: ~1e-7)")
    p.add_argument("--perturb", type=float, default=0.0,
                   help="experiment only: scale W1 by (1 + PERTURB * N(0,1)) entrywise after init (generator "
                        "RandomState(seed + 1)), to see what a few-ulp asymmetry does to the constant-init run")
    p.add_argument("--steps", type=int, default=None, help="steps (default 1000; 10000 max with --early-stopping)")
    p.add_argument("--early-stopping", action="store_true",
                   help="notebook rule: stop after the first step (from the 3rd on) whose val loss exceeds the previous")
    p.add_argument("--print-every", type=int, default=100)
    p.add_argument("--threads", type=int, default=None,
                   help="only recorded; set OMP_NUM_THREADS / OPENBLAS_NUM_THREADS before starting Python")
    p.add_argument("--json", default=None, help="write the full history and summary to this file")
    a = p.parse_args(argv)
    steps = a.steps if a.steps is not None else (10000 if a.early_stopping else 1000)

    env = {k: os.environ.get(k) for k in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "OPENBLAS_CORETYPE")}
    if a.threads is not None and env["OPENBLAS_NUM_THREADS"] not in (None, str(a.threads)):
        print(f"warning: --threads {a.threads} but OPENBLAS_NUM_THREADS={env['OPENBLAS_NUM_THREADS']}",
              file=sys.stderr)

    t_load = time.perf_counter()
    data = load(a.data)
    t_load = time.perf_counter() - t_load

    lr = float(np.float32(a.learning_rate)) if a.lr_dtype == "float32" else float(a.learning_rate)
    if a.optimizer == "sgd":
        opt = Sgd(lr)
    elif a.beta_dtype == "float32":
        opt = Adam(lr, float(np.float32(0.9)), float(np.float32(0.999)))
    else:
        opt = Adam(lr)
    params = init_params(a.init, a.init_value, a.init_stddev, a.seed)
    if a.perturb:
        params[0] *= 1.0 + a.perturb * np.random.RandomState(a.seed + 1).standard_normal(params[0].shape)

    train = Evaluator(data["x_train"], data["y_train"])
    val = Evaluator(data["x_val"], data["y_val"])
    n_train, n_val = train.n, val.n

    notebook = None
    if a.init == "constant" and a.init_value == 0.01 and a.learning_rate == 0.001:
        notebook = NOTEBOOK_SGD_CONSTANT if a.optimizer == "sgd" else NOTEBOOK_ADAM_CONSTANT

    hist = {"train_loss": [], "val_loss": [], "train_accuracy": [], "val_accuracy": [], "seconds": []}
    printed, sym_at, first_asym = [], {}, None
    stop_message = None
    t_loop = time.perf_counter()
    for step in range(steps):                                  # step is 0-based as in the notebook
        t0 = time.perf_counter()
        tr_loss, tr_correct, grads = train.run(params, grad=True)    # at weights before update step+1
        opt.apply(params, grads)
        va_loss, va_correct, _ = val.run(params, grad=False)         # at weights after update step+1
        hist["seconds"].append(time.perf_counter() - t0)
        hist["train_loss"].append(tr_loss)
        hist["val_loss"].append(va_loss)
        hist["train_accuracy"].append(tr_correct / n_train)
        hist["val_accuracy"].append(va_correct / n_val)
        if a.init == "constant":
            s = symmetry(params)
            if first_asym is None and max(s.values()) > 0.0:
                first_asym = step + 1
            if (step + 1) % 100 == 0:
                sym_at[step + 1] = s
        if a.print_every > 0 and (step + 1) % a.print_every == 0:
            line = f"Step: {step + 1} Train loss: {tr_loss!r} Val loss: {va_loss!r}"
            print(line, flush=True)
            printed.append(line)
        if a.early_stopping and step > 1 and hist["val_loss"][-1] > hist["val_loss"][-2]:
            stop_message = f"Step: {step}, validation loss is not reduced further. Training stops"
            print(stop_message, flush=True)
            printed.append(stop_message)
            break
    t_loop = time.perf_counter() - t_loop
    updates = len(hist["train_loss"])

    te = Evaluator(data["x_test"], data["y_test"])
    _, te_correct, _ = te.run(params, grad=False)
    test_accuracy = te_correct / te.n
    sec_per_step = t_loop / updates

    summary = {
        "updates_applied": updates,
        "stopped_early": stop_message is not None,
        "final_train_loss": hist["train_loss"][-1], "final_val_loss": hist["val_loss"][-1],
        "final_val_accuracy": hist["val_accuracy"][-1],
        "test_accuracy": test_accuracy, "test_correct": te_correct,
        "seconds_per_step": sec_per_step, "seconds_load": t_load,
        "min_val_loss": min(hist["val_loss"]),
        "min_val_loss_step": 1 + int(np.argmin(hist["val_loss"])),
    }
    print(f"updates applied: {updates}")
    print(f"test accuracy: {test_accuracy!r} ({te_correct}/{te.n})")

    if notebook is not None:
        cmp = {}
        for key in ("train", "val"):
            ours = [hist[key + "_loss"][s - 1] for s in range(100, 1001, 100) if s <= updates]
            diffs = [abs(o - r) for o, r in zip(ours, notebook[key])]
            cmp[key + "_abs_diff"] = diffs
        all_d = cmp["train_abs_diff"] + cmp["val_abs_diff"]
        cmp["max_abs_diff"] = max(all_d) if all_d else None
        cmp["step100_max_abs_diff"] = max(cmp["train_abs_diff"][:1] + cmp["val_abs_diff"][:1]) if all_d else None
        summary["vs_notebook"] = cmp
        print(f"max |ours - notebook| over the {len(all_d)} printed values: {cmp['max_abs_diff']!r}")
        for i, s in enumerate(range(100, 100 * (len(cmp["train_abs_diff"]) + 1), 100)):
            print(f"  step {s}: |d train| {cmp['train_abs_diff'][i]:.3e}  |d val| {cmp['val_abs_diff'][i]:.3e}")
    if a.init == "constant":
        summary["symmetry"] = {str(k): v for k, v in sym_at.items()}
        summary["first_asymmetric_step"] = first_asym
        for k in (100, 500, 1000):
            if k in sym_at:
                print(f"hidden-unit symmetry at step {k}: {sym_at[k]}")
        print(f"first step with non-identical hidden units: {first_asym}")
    print(f"seconds per step: {sec_per_step:.4f} (BLAS threads: OPENBLAS_NUM_THREADS={env['OPENBLAS_NUM_THREADS']}, "
          f"OMP_NUM_THREADS={env['OMP_NUM_THREADS']})")

    if a.json:
        out = {
            "config": {**vars(a), "steps": steps, "lr_used": lr, "adam_betas": None if a.optimizer == "sgd"
                       else [opt.b1, opt.b2], "adam_eps": None if a.optimizer == "sgd" else opt.eps,
                       "env": env, "numpy": np.__version__, "n_train": n_train, "n_val": n_val,
                       "sha256_ok": data["sha256_ok"], "val_histogram": data["val_histogram"]},
            "summary": summary, "printed": printed, "history": hist,
        }
        os.makedirs(os.path.dirname(os.path.abspath(a.json)), exist_ok=True)
        with open(a.json, "w") as f:
            json.dump(out, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
