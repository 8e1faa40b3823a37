#!/usr/bin/env python3
"""Runs `bench` over k x MNIST for several partition counts and prints the README's scaling table.

Writes the data with make_scaled_mnist.py when missing, then for each (copies, partitions) runs

    SPARK_MASTER=local[2] submit/local bench --data DIR --partitions P --skip-mllib --skip-dense --json FILE

one after the other, and prints one markdown row per run from the JSON files:

    python3 src/test/python/scaling_bench.py --copies 1 4 10 --partitions 2 4 8 --work /tmp/scaling

The step per row is compared with 1x's kernel per row (the first --copies value must be 1 for that column).
"""

import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))


def run_bench(data, partitions, json_path, extra, master):
    env = dict(os.environ, SPARK_MASTER=master)
    cmd = [os.path.join(ROOT, "submit", "local"), "bench", "--data", data, "--partitions", str(partitions),
           "--skip-mllib", "--skip-dense", "--json", json_path] + extra
    print("$ SPARK_MASTER=%s %s" % (master, " ".join(cmd)), file=sys.stderr, flush=True)
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL)
    with open(json_path) as f:
        return json.load(f)


def mb(n):
    return "%.0f MB" % (n / 1e6) if n is not None and n >= 0 else "-"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, nargs="+", default=[1, 4, 10])
    parser.add_argument("--partitions", type=int, nargs="+", default=[2, 4, 8])
    parser.add_argument("--work", default="/tmp/scaling", help="where the data and the JSON files go")
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("bench_args", nargs="*", help="more bench options, after --")
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    rows = []
    for copies in args.copies:
        data = os.path.join(args.work, "mnist-x%d" % copies)
        if not os.path.exists(os.path.join(data, "train-labels-idx1-ubyte")):
            subprocess.run([sys.executable, os.path.join(HERE, "make_scaled_mnist.py"), "--copies", str(copies),
                            "--out", data], check=True, stdout=sys.stderr)
        for partitions in args.partitions:
            figures = run_bench(data, partitions, os.path.join(args.work, "x%d-p%d.json" % (copies, partitions)),
                                args.bench_args, args.master)
            rows.append((copies, partitions, figures))
    base = {p: f for c, p, f in rows if c == 1}
    print("| data | partitions | load | job step | kernel | outside share | Spark's floor | step / kernel "
          "| step per row / 1x kernel per row | persisted | driver heap after full GC | driver resident peak |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for copies, partitions, f in rows:
        setup = f["setup"]
        step = f["job_step"]["median_seconds"]
        kernel = f["kernel"]["parallel"]["median_seconds"]
        rows_here = setup["train_rows"] + setup["validation_rows"]
        per_row = "-"
        if partitions in base:
            b = base[partitions]
            b_rows = b["setup"]["train_rows"] + b["setup"]["validation_rows"]
            per_row = "%.3f" % ((step / rows_here) / (b["kernel"]["parallel"]["median_seconds"] / b_rows))
        print("| %dx (%d rows) | %d | %.1f s | %.3f s | %.3f s | %.1f%% | %.3f s | %.3f | %s | %s | %s | %s |" % (
            copies, setup["train_rows"], partitions, f["load"]["seconds"], step, kernel,
            100 * f["outside_kernel_share"], f["spark_floor"]["median_seconds"], step / kernel, per_row,
            mb(f["memory"]["block_bytes"]), mb(f["driver_memory"]["heap_live_bytes"]),
            mb(f["driver_memory"]["resident_peak_bytes"])))


if __name__ == "__main__":
    main()
