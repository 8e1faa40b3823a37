package io.mnistspark.optim;

/**
 * What every optimizer carries between steps and a checkpoint saves: the steps taken and per-parameter
 * arrays. {@link Optimizer} (a rule applied to one gradient) and {@link Lbfgs} (a rule that asks its
 * {@link Objective} for as many evaluations as its line search needs) both have one.
 */
public interface OptimizerMemory {
    /** Updates (iterations) applied so far. */
    long steps();

    /** A copy of the training state, enough to continue the run bitwise identically. */
    OptimizerState state();

    /** Replaces the training state with a copy of {@code state} (for resuming a run). */
    void restore(OptimizerState state);
}
