#!/usr/bin/env python3
"""numpy's L-BFGS on the real-valued fixture: the first 10 iterations' losses and passes, from the job's start.

Writes src/test/resources/golden/real-valued-lbfgs-10.txt (no penalty) and real-valued-lbfgs-10-l2.txt (the L2
penalty REG_PARAM_L2 / 2 times the squared weights W1 and W2, not the biases, added to the objective the line
search descends): for iterations 1..10 the train loss (the mean cross-entropy alone) at the weights before the
iteration, the validation loss after it, and the evaluations (passes) the iteration made.

Data and network as make_real_valued.py (fixtures/real-valued.csv, 5-8-3 ReLU, softmax cross-entropy); the start
W1 then W2 from numpy.random.RandomState(3).normal(0, 3.0), biases 0 (the job's --init-stddev 3 --seed 3: a start
this far out makes the line search grow its first trial step and zoom in iterations 6 and 7, so both of its
branches are checked); the parameters as one flat float64 vector in the job's layout (W1 row-major, b1, W2
row-major, b2).

The rule, written here from Nocedal and Wright (Numerical Optimization, 2nd ed.) with the constants of Breeze's
LBFGS, independently of the Java code (io.mnistspark.optim.Lbfgs):
  direction   d = -H g, two-loop recursion (N&W algorithm 7.4) over the last m = 10 pairs, newest first,
              H0 = (s.y / y.y) I from the newest pair, I before any; s.y < 0 for the newest pair is a failure
  first trial t0 = 1 / |d| in the first iteration, 1 afterwards
  line search strong Wolfe, c1 = 1e-4, c2 = 0.9 (N&W algorithms 3.5 and 3.6): at most 10 trial steps,
              each 1.5 times the last while the slope stays negative and the loss keeps falling, a non-finite
              loss halves the trial step; the zoom takes at most 10 steps, each the minimiser of the cubic
              through the bracket's two ends (N&W eq. 3.59) clamped to the middle 80% of the bracket (its
              midpoint if the cubic gives no finite point); a zoom point with a non-finite loss, one above the
              sufficient-decrease line or not below the low end becomes the high end; else it is accepted if
              |slope| <= c2 |slope(0)|, else it becomes the low end (the old low end becoming the high end when
              slope * (high - low) >= 0)
  step        x' = d t + x, s = x' - x, y = g' - g; a step with t |g| < 1e-10 is a failure
  failure     the memory is cleared and the iteration starts again along -g; a second failure ends the run

  python3 src/test/python/lbfgs_reference.py
"""
import math
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_real_valued import CLASSES, FEATURES, HIDDEN, RESOURCES, data, loss_grad  # noqa: E402

ITERATIONS, MEMORY, INIT_STDDEV, SEED = 10, 10, 3.0, 3
REG_PARAM_L2 = 0.05
C1, C2, TRIALS, ZOOMS, GROWTH = 1e-4, 0.9, 10, 10, 1.5


class Failure(Exception):
    pass


def unflatten(x):
    shapes = [(FEATURES, HIDDEN), (HIDDEN,), (HIDDEN, CLASSES), (CLASSES,)]
    out, at = [], 0
    for shape in shapes:
        size = int(np.prod(shape))
        out.append(x[at:at + size].reshape(shape))
        at += size
    return out


class Problem:
    """The training loss as a function of the flat parameters; remembers the validation loss of each point."""

    def __init__(self, X, y, is_val, reg_param):
        self.train = (X[~is_val], y[~is_val])
        self.val = (X[is_val], y[is_val])
        self.reg_param = reg_param
        self.evaluations = 0

    def evaluate(self, x):
        """The objective (cross-entropy plus the weights' penalty) and its gradient."""
        self.evaluations += 1
        W1, b1, W2, b2 = unflatten(x)
        loss, (g1, gb1, g2, gb2) = loss_grad(*self.train, (W1, b1, W2, b2))
        penalty = 0.5 * self.reg_param * (float((W1 * W1).sum()) + float((W2 * W2).sum()))
        grads = [g1 + self.reg_param * W1, gb1, g2 + self.reg_param * W2, gb2]
        return loss + penalty, np.concatenate([g.ravel() for g in grads])

    def train_loss(self, x):
        return loss_grad(*self.train, unflatten(x))[0]

    def val_loss(self, x):
        return loss_grad(*self.val, unflatten(x))[0]


def cubic_min(lo, hi):
    """lo, hi: (t, f, slope) with lo.t < hi.t."""
    (t0, f0, g0), (t1, f1, g1) = lo, hi
    d1 = g0 + g1 - 3.0 * (f0 - f1) / (t0 - t1)
    d2 = math.sqrt(d1 * d1 - g0 * g1) if d1 * d1 - g0 * g1 >= 0 else float("nan")
    width = t1 - t0
    t = t1 - width * (g1 + d2 - d1) / (g1 - g0 + 2.0 * d2)
    if not math.isfinite(t):
        return t0 + 0.5 * width
    return min(max(t, t0 + 0.1 * width), t0 + 0.9 * width)


def line_search(problem, x, f0, g, d, t):
    slope0 = float(np.dot(g, d))
    if slope0 > 0:
        raise Failure("uphill")

    def phi(step):
        point = d * step + x
        f, grad = problem.evaluate(point)
        return (step, f, float(np.dot(grad, d))), point, grad

    def zoom(low, high):
        for _ in range(ZOOMS):
            t_new = cubic_min(low[0], high[0]) if low[0][0] < high[0][0] else cubic_min(high[0], low[0])
            c = phi(t_new)
            (tc, fc, gc) = c[0]
            if not math.isfinite(fc) or fc > f0 + C1 * tc * slope0 or fc >= low[0][1]:
                high = c
            else:
                if abs(gc) <= C2 * abs(slope0):
                    return c
                if gc * (high[0][0] - low[0][0]) >= 0:
                    high = low
                low = c
        raise Failure("zoom")

    low = ((0.0, f0, slope0), x, g)
    for trial in range(TRIALS):
        c = phi(t)
        (tc, fc, gc) = c[0]
        if not math.isfinite(fc):
            t /= 2.0
            continue
        if fc > f0 + C1 * t * slope0 or (fc >= low[0][1] and trial > 0):
            return zoom(low, c)
        if abs(gc) <= C2 * abs(slope0):
            return c
        if gc >= 0:
            return zoom(c, low)
        low = c
        t *= GROWTH
    raise Failure("trials")


def direction(g, pairs):
    q = g.copy()
    scale = 1.0
    if pairs:
        s, y = pairs[0]
        sy = float(np.dot(s, y))
        if sy < 0 or math.isnan(sy):
            raise Failure("s.y < 0")
        scale = sy / float(np.dot(y, y))
    alphas = []
    for s, y in pairs:
        a = float(np.dot(s, q)) / float(np.dot(s, y))
        alphas.append(a)
        q = q - a * y
    q = q * scale
    for (s, y), a in reversed(list(zip(pairs, alphas))):
        b = float(np.dot(y, q)) / float(np.dot(s, y))
        q = q + (a - b) * s
    return -q


def run(reg_param, name):
    X, y, is_val = data()
    problem = Problem(X, y, is_val, reg_param)
    rs = np.random.RandomState(SEED)
    w1 = rs.normal(0.0, INIT_STDDEV, (FEATURES, HIDDEN))
    w2 = rs.normal(0.0, INIT_STDDEV, (HIDDEN, CLASSES))
    x = np.concatenate([w1.ravel(), np.zeros(HIDDEN), w2.ravel(), np.zeros(CLASSES)])
    f, g = problem.evaluate(x)
    problem.evaluations = 0
    pairs = []
    train_losses, val_losses, passes = [], [], []
    for it in range(ITERATIONS):
        before = problem.evaluations
        for attempt in range(2):
            try:
                d = direction(g, pairs)
                t0 = 1.0 / math.sqrt(float(np.dot(d, d))) if it == 0 else 1.0
                (t, f_new, _), x_new, g_new = line_search(problem, x, f, g, d, t0)
                if t * math.sqrt(float(np.dot(g, g))) < 1e-10:
                    raise Failure("step underflow")
                break
            except Failure:
                pairs = []
                if attempt == 1:
                    raise SystemExit("numpy's L-BFGS failed twice at iteration %d" % (it + 1))
        pairs = ([(x_new - x, g_new - g)] + pairs)[:MEMORY]
        train_losses.append(problem.train_loss(x))
        val_losses.append(problem.val_loss(x_new))
        passes.append(problem.evaluations - before)
        x, f, g = x_new, f_new, g_new
    path = os.path.join(RESOURCES, "golden", name + ".txt")
    with open(path, "w") as out:
        out.write("# %s: numpy's first 10 L-BFGS iterations on fixtures/real-valued.csv, L2 weight %r (numpy %s).\n"
                  % (name, reg_param, np.__version__))
        out.write("# Made by: python3 src/test/python/lbfgs_reference.py (see its docstring for the rule).\n")
        out.write("# Format: '#' lines are comments; the comment right before a run of values labels it.\n")
        out.write("# train_loss iterations 1..10\n")
        out.writelines(repr(v) + "\n" for v in train_losses)
        out.write("# val_loss iterations 1..10\n")
        out.writelines(repr(v) + "\n" for v in val_losses)
        out.write("# passes iterations 1..10\n")
        out.writelines("%d\n" % p for p in passes)
    print("wrote", path, "passes", passes)


def main():
    run(0.0, "real-valued-lbfgs-10")
    run(REG_PARAM_L2, "real-valued-lbfgs-10-l2")


if __name__ == "__main__":
    main()
