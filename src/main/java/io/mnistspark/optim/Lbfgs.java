package io.mnistspark.optim;

import java.util.ArrayList;
import java.util.List;

/**
 * Limited-memory BFGS (Liu and Nocedal, 1989, Mathematical Programming 45, 503-528) on an exact
 * full-batch objective, one {@link #iterate} per history row. Each iteration:
 * <pre>
 *   d = -H g            two-loop recursion over the last m pairs (s, y), newest first,
 *                       H0 = (s.y / y.y) I from the newest pair (I before any pair)
 *   t                   strong Wolfe line search along d ({@link StrongWolfeSearch}), first trial step
 *                       1 / |d| in the run's first iteration, 1 afterwards
 *   x' = d * t + x,  s = x' - x,  y = g' - g      the pair joins the memory, the oldest beyond m leaves
 * </pre>
 * This is the rule of Breeze's {@code LBFGS} (what MLlib's {@code MultilayerPerceptronClassifier} runs),
 * failures included: a direction that goes uphill or a memory with s.y &lt; 0, a line search that finds no
 * step, or a step with {@code t |g| < 1e-10} clears the memory and the iteration starts again from x along
 * -g; a second failure in a row ends the run ({@link Iteration#failed()}).
 *
 * <p>Its state (iterations done, the pairs) is an {@link OptimizerState}, so a checkpoint continues a run bit
 * for bit. Settings (the memory m) are fixed at construction.
 */
public final class Lbfgs implements OptimizerMemory {
    /** Breeze's floor on t |g| below which a step counts as a failed search. */
    static final double MIN_STEP_TIMES_GRADIENT = 1e-10;

    private final int memory;
    private final int parameterCount;
    /** s_k = x_{k+1} - x_k, newest first. */
    private List<double[]> steps = new ArrayList<>();
    /** y_k = g_{k+1} - g_k, newest first. */
    private List<double[]> gradientDeltas = new ArrayList<>();
    private long iterations;

    /**
     * What one iteration did: the evaluation at the accepted point (null if it failed), the objective's
     * evaluations it made (its line searches' trial points) and why it failed, if it did.
     */
    public record Iteration(Evaluation evaluation, int evaluations, String failure) {
        public boolean failed() {
            return evaluation == null;
        }
    }

    public Lbfgs(int memory, int parameterCount) {
        if (memory < 1) {
            throw new IllegalArgumentException("L-BFGS memory must be at least 1, got " + memory);
        }
        this.memory = memory;
        this.parameterCount = parameterCount;
    }

    /**
     * One iteration from {@code params} (modified in place: the accepted point, unchanged if the iteration
     * failed), whose evaluation is {@code current}.
     */
    public Iteration iterate(double[] params, Evaluation current, Objective objective) {
        if (params.length != parameterCount || current.gradient().length != parameterCount) {
            throw new IllegalArgumentException("L-BFGS was set up for " + parameterCount + " parameters, got "
                    + params.length + " and a gradient of " + current.gradient().length);
        }
        int evaluations = 0;
        String firstFailure = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            StrongWolfeSearch search = null;
            boolean counted = false;
            try {
                double[] direction = direction(current.gradient());
                search = new StrongWolfeSearch(objective, params, current, direction);
                double initial = iterations == 0 ? 1.0 / Math.sqrt(StrongWolfeSearch.dot(direction, direction)) : 1.0;
                LinePoint accepted = search.search(initial);
                evaluations += search.evaluations();
                counted = true;
                double gradientNorm = Math.sqrt(StrongWolfeSearch.dot(current.gradient(), current.gradient()));
                if (accepted.t() * gradientNorm < MIN_STEP_TIMES_GRADIENT) {
                    throw new LineSearchFailure("the step " + accepted.t() + " is too small for the gradient norm "
                            + gradientNorm);
                }
                remember(params, accepted.point(), current.gradient(), accepted.evaluation().gradient());
                System.arraycopy(accepted.point(), 0, params, 0, parameterCount);
                iterations++;
                return new Iteration(accepted.evaluation(), evaluations, null);
            } catch (LineSearchFailure e) {
                if (search != null && !counted) {
                    evaluations += search.evaluations();
                }
                firstFailure = firstFailure == null ? e.getMessage() : firstFailure + "; again along -g: " + e.getMessage();
                steps = new ArrayList<>();
                gradientDeltas = new ArrayList<>();
            }
        }
        return new Iteration(null, evaluations, firstFailure);
    }

    /** d = -H g by the two-loop recursion (Nocedal and Wright, algorithm 7.4). */
    double[] direction(double[] gradient) {
        int k = steps.size();
        double[] q = gradient.clone();
        double scale = 1.0;
        if (k > 0) {
            double sy = StrongWolfeSearch.dot(steps.get(0), gradientDeltas.get(0));
            double yy = StrongWolfeSearch.dot(gradientDeltas.get(0), gradientDeltas.get(0));
            if (sy < 0 || Double.isNaN(sy)) {
                throw new LineSearchFailure("the newest step and gradient change have s.y = " + sy);
            }
            scale = sy / yy;
        }
        double[] alpha = new double[k];
        double[] rho = new double[k];
        for (int i = 0; i < k; i++) {
            rho[i] = StrongWolfeSearch.dot(steps.get(i), gradientDeltas.get(i));
            alpha[i] = StrongWolfeSearch.dot(steps.get(i), q) / rho[i];
            if (Double.isNaN(alpha[i])) {
                throw new LineSearchFailure("the two-loop recursion gave NaN at pair " + i);
            }
            axpy(-alpha[i], gradientDeltas.get(i), q);
        }
        for (int j = 0; j < q.length; j++) {
            q[j] *= scale;
        }
        for (int i = k - 1; i >= 0; i--) {
            double beta = StrongWolfeSearch.dot(gradientDeltas.get(i), q) / rho[i];
            axpy(alpha[i] - beta, steps.get(i), q);
        }
        for (int j = 0; j < q.length; j++) {
            q[j] = -q[j];
        }
        return q;
    }

    private void remember(double[] from, double[] to, double[] gradientFrom, double[] gradientTo) {
        double[] s = new double[parameterCount];
        double[] y = new double[parameterCount];
        for (int i = 0; i < parameterCount; i++) {
            s[i] = to[i] - from[i];
            y[i] = gradientTo[i] - gradientFrom[i];
        }
        steps.add(0, s);
        gradientDeltas.add(0, y);
        if (steps.size() > memory) {
            steps.remove(memory);
            gradientDeltas.remove(memory);
        }
    }

    /** y += a x (modifies y). */
    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += a * x[i];
        }
    }

    public int memory() {
        return memory;
    }

    @Override
    public long steps() {
        return iterations;
    }

    /** The iterations done and the pairs: s arrays newest first, then y arrays in the same order. */
    @Override
    public OptimizerState state() {
        double[][] arrays = new double[2 * steps.size()][];
        for (int i = 0; i < steps.size(); i++) {
            arrays[i] = steps.get(i);
            arrays[steps.size() + i] = gradientDeltas.get(i);
        }
        return new OptimizerState(iterations, arrays);
    }

    @Override
    public void restore(OptimizerState state) {
        double[][] arrays = state.moments();
        if (arrays.length % 2 != 0 || arrays.length > 2 * memory) {
            throw new IllegalArgumentException("L-BFGS state needs an even number of arrays, at most " + 2 * memory
                    + " (memory " + memory + "); the saved state has " + arrays.length);
        }
        int pairs = arrays.length / 2;
        List<double[]> s = new ArrayList<>();
        List<double[]> y = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            if (arrays[i].length != parameterCount || arrays[pairs + i].length != parameterCount) {
                throw new IllegalArgumentException("L-BFGS state arrays need " + parameterCount + " values");
            }
            s.add(arrays[i]);
            y.add(arrays[pairs + i]);
        }
        steps = s;
        gradientDeltas = y;
        iterations = state.steps();
    }
}
