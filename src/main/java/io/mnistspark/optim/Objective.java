package io.mnistspark.optim;

/**
 * A differentiable function of the parameters, as a line-search method needs it: the loss and its full
 * gradient at any point. Each call may be expensive (for the trainer it is one distributed pass).
 */
public interface Objective {
    /** The loss and gradient at {@code point} (only read; the caller may change it once this returns). */
    Evaluation evaluate(double[] point);
}
