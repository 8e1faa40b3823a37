package io.mnistspark.optim;

/**
 * A line search for a step t along a descent direction d that satisfies the strong Wolfe conditions
 * (Nocedal and Wright, Numerical Optimization, 2nd ed., algorithms 3.5 and 3.6):
 * <pre>
 *   f(x + t d) &lt;= f(x) + c1 t f'(x; d)         (sufficient decrease, c1 = 1e-4)
 *   |f'(x + t d; d)| &lt;= c2 |f'(x; d)|          (curvature, c2 = 0.9)
 * </pre>
 * The constants, the step growth (x1.5 while the slope stays negative), the limits (10 trial steps,
 * 10 zoom steps) and the safeguarded cubic interpolation (kept inside the middle 80% of the bracket) are
 * those of Breeze's {@code StrongWolfeLineSearch}, which MLlib's L-BFGS uses. Two choices of ours for
 * values that are not finite: a trial step whose loss is not finite is halved (as Breeze does); inside
 * the zoom such a point shrinks the bracket from the right, and an interpolation that is not finite
 * falls back to the bracket's midpoint.
 *
 * <p>Every trial point is evaluated once through the {@link Objective}; {@link #evaluations()} counts them.
 */
final class StrongWolfeSearch {
    static final double C1 = 1e-4;
    static final double C2 = 0.9;
    static final int MAX_TRIALS = 10;
    static final int MAX_ZOOM = 10;
    static final double GROWTH = 1.5;

    private final Objective objective;
    private final double[] x;
    private final double[] direction;
    private final LinePoint start;
    private int evaluations;

    /**
     * @param x         the current point (not modified)
     * @param atX       the objective's evaluation at x (not evaluated again)
     * @param direction the search direction (not modified); must have a slope of at most 0
     */
    StrongWolfeSearch(Objective objective, double[] x, Evaluation atX, double[] direction) {
        this.objective = objective;
        this.x = x;
        this.direction = direction;
        this.start = new LinePoint(0.0, x, atX, dot(atX.gradient(), direction));
        if (start.slope() > 0) {
            throw new LineSearchFailure("the search direction goes uphill (slope " + start.slope() + ")");
        }
    }

    /** Evaluations made so far. */
    int evaluations() {
        return evaluations;
    }

    /**
     * The accepted point, starting with the trial step {@code initial}.
     *
     * @throws LineSearchFailure when no step is accepted within the limits
     */
    LinePoint search(double initial) {
        double t = initial;
        LinePoint low = start;
        for (int trial = 0; trial < MAX_TRIALS; trial++) {
            LinePoint c = evaluate(t);
            if (!Double.isFinite(c.loss())) {
                t /= 2.0;
                continue;
            }
            if (c.loss() > sufficientDecreaseBound(t) || (c.loss() >= low.loss() && trial > 0)) {
                return zoom(low, c);
            }
            if (Math.abs(c.slope()) <= C2 * Math.abs(start.slope())) {
                return c;
            }
            if (c.slope() >= 0) {
                return zoom(c, low);
            }
            low = c;
            t *= GROWTH;
        }
        throw new LineSearchFailure("no step in " + MAX_TRIALS + " trials met the Wolfe conditions");
    }

    /** Narrows [low, high] (either order) to a point meeting both conditions; {@code low} has the lower loss. */
    private LinePoint zoom(LinePoint low, LinePoint high) {
        for (int i = 0; i < MAX_ZOOM; i++) {
            double t = low.t() < high.t() ? interpolate(low, high) : interpolate(high, low);
            LinePoint c = evaluate(t);
            if (!Double.isFinite(c.loss()) || c.loss() > sufficientDecreaseBound(t) || c.loss() >= low.loss()) {
                high = c;
            } else {
                if (Math.abs(c.slope()) <= C2 * Math.abs(start.slope())) {
                    return c;
                }
                if (c.slope() * (high.t() - low.t()) >= 0) {
                    high = low;
                }
                low = c;
            }
        }
        throw new LineSearchFailure("the zoom found no step meeting the Wolfe conditions in " + MAX_ZOOM + " steps");
    }

    private double sufficientDecreaseBound(double t) {
        return start.loss() + C1 * t * start.slope();
    }

    /**
     * The minimiser of the cubic through the two points' losses and slopes (Nocedal and Wright, eq. 3.59),
     * moved into [left + 0.1 w, left + 0.9 w] for the bracket's width w; the midpoint if it is not finite.
     */
    static double interpolate(LinePoint left, LinePoint right) {
        double d1 = left.slope() + right.slope() - 3 * (left.loss() - right.loss()) / (left.t() - right.t());
        double d2 = Math.sqrt(d1 * d1 - left.slope() * right.slope());
        double width = right.t() - left.t();
        double t = right.t() - width * (right.slope() + d2 - d1) / (right.slope() - left.slope() + 2 * d2);
        double lower = left.t() + 0.1 * width;
        double upper = left.t() + 0.9 * width;
        if (!Double.isFinite(t)) {
            return left.t() + 0.5 * width;
        }
        return Math.min(Math.max(t, lower), upper);
    }

    private LinePoint evaluate(double t) {
        // x + t d, computed as (d * t) + x: the accepted point is exactly this array
        double[] point = new double[x.length];
        for (int i = 0; i < point.length; i++) {
            point[i] = direction[i] * t + x[i];
        }
        Evaluation e = objective.evaluate(point);
        evaluations++;
        return new LinePoint(t, point, e, dot(e.gradient(), direction));
    }

    static double dot(double[] a, double[] b) {
        double sum = 0.0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
