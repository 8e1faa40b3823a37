#!/usr/bin/env python3
"""Times the job's full step in numpy, dense float64, on the same rows: the numpy side of `bench`.

One step, as the Spark job's step: forward and backward over the 48000 training rows, forward over the 12000
validation rows (the notebook's split, scikit-learn's train_test_split(test_size=0.2, random_state=0)), and
the Adam update. Matrices are dense float64 (X / 255.0, zeros stored), every product goes through numpy's
BLAS. Prints the median seconds per step (with min-max) after warm-up and the BLAS threads numpy used.

Run it as

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OMP_NUM_THREADS=2 python3 src/test/python/bench_numpy.py

OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE, when set in the environment, make OpenBLAS pick slower kernels or
blockings than it would detect itself; OMP_NUM_THREADS (or OPENBLAS_NUM_THREADS) sets its thread count. The
thread count is read back with threadpoolctl when installed, else from numpy's OpenBLAS directly (ctypes).
"""

import argparse
import ctypes
import json
import os
import statistics
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from notebook_reference import Adam, Evaluator, init_params, load  # noqa: E402

EMBEDDED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "main", "resources", "mnist")
ENV_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")


def blas_threads():
    """(description of numpy's BLAS, its thread count or None, how it was found)."""
    try:
        from threadpoolctl import threadpool_info
        blas = [i for i in threadpool_info() if i.get("user_api") == "blas"]
        if blas:
            first = blas[0]
            return (f"{first.get('internal_api')} {first.get('version')} ({first.get('filepath')})",
                    first.get("num_threads"), "threadpoolctl")
    except ImportError:
        pass
    return openblas_from_ctypes()


def openblas_from_ctypes():
    """Asks the OpenBLAS library numpy loaded (found in this process's memory map) for its thread count."""
    path = None
    try:
        with open("/proc/self/maps") as maps:
            for line in maps:
                fields = line.split()
                if len(fields) >= 6 and "openblas" in fields[-1].lower() and ".so" in fields[-1]:
                    path = fields[-1]
                    break
    except OSError:
        pass
    if path is None:
        return ("unknown (threadpoolctl is not installed and no OpenBLAS library is loaded)", None, "none")
    lib = ctypes.CDLL(path)
    threads = None
    for prefix in ("scipy_openblas", "openblas"):
        for suffix in ("64_", ""):
            name = f"{prefix}_get_num_threads{suffix}"
            if hasattr(lib, name):
                threads = getattr(lib, name)()
                config = getattr(lib, f"{prefix}_get_config{suffix}", None)
                described = path
                if config is not None:
                    config.restype = ctypes.c_char_p
                    described = f"{config().decode()} ({path})"
                return (described, threads, "threadpoolctl is not installed; asked OpenBLAS through ctypes")
    return (path, None, "threadpoolctl is not installed; the library has no get_num_threads")


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--data", default=EMBEDDED, help="directory with the four MNIST IDX files (.gz or raw); "
                   "default: the copy embedded in the job, src/main/resources/mnist")
    p.add_argument("--warmup", type=int, default=5, help="unrecorded steps first (default 5)")
    p.add_argument("--steps", type=int, default=20, help="measured steps (default 20)")
    p.add_argument("--json", help="also write the figures to this file")
    a = p.parse_args(argv)
    if a.warmup < 0 or a.steps < 1:
        p.error("--warmup must be >= 0 and --steps >= 1")

    d = load(a.data)
    train = Evaluator(d["x_train"], d["y_train"])
    val = Evaluator(d["x_val"], d["y_val"])
    params = init_params("normal", 0.01, 0.1, 0)
    adam = Adam(float(np.float32(0.001)))
    seconds = []
    for i in range(a.warmup + a.steps):
        start = time.perf_counter()
        _, _, grads = train.run(params, True)           # train rows: forward + backward
        adam.apply(params, grads)
        val.run(params, False)                          # validation rows: forward
        elapsed = time.perf_counter() - start
        if i >= a.warmup:
            seconds.append(elapsed)

    blas, threads, how = blas_threads()
    env = {k: os.environ.get(k) for k in ENV_VARS}
    median = statistics.median(seconds)
    print(f"numpy {np.__version__} dense float64 step: {len(d['y_train'])} train rows forward+backward, "
          f"{len(d['y_val'])} validation rows forward, Adam update")
    print(f"  median {median:.3f} s per step (min {min(seconds):.3f}, max {max(seconds):.3f}) "
          f"over {a.steps} steps after {a.warmup} warm-up")
    print(f"  BLAS: {blas}")
    print(f"  BLAS threads: {threads if threads is not None else 'unknown'} ({how})")
    print("  environment: " + ", ".join(f"{k}={v}" for k, v in env.items()))
    if env["OPENBLAS_CORETYPE"] or env["OPENBLAS_L2_SIZE"]:
        print("  warning: OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE are set and may slow OpenBLAS; see the docstring",
              file=sys.stderr)
    if a.json:
        with open(a.json, "w") as f:
            json.dump({"numpy": np.__version__, "median_seconds": median, "min_seconds": min(seconds),
                       "max_seconds": max(seconds), "seconds": seconds, "blas": blas, "blas_threads": threads,
                       "environment": env, "train_rows": len(d["y_train"]), "validation_rows": len(d["y_val"])},
                      f, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
