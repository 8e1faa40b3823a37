package io.mnistspark.optim;

/**
 * A first-order update rule. Calling order: create one per run, then {@link #update} once per step with
 * the full-batch mean gradient at the current parameters. Each call moves the parameters against the
 * gradient (descent) and advances {@link #steps()} by one. Settings are fixed at construction; the
 * training state (moments, step count) belongs to the instance and is exposed through {@link #state()}.
 */
public interface Optimizer extends OptimizerMemory {
    /** Applies one update to {@code params} in place; {@code gradient} is only read. */
    void update(double[] params, double[] gradient);
}
