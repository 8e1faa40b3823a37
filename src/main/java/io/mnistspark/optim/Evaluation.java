package io.mnistspark.optim;

/**
 * An {@link Objective}'s value and gradient at one point. The gradient array is owned by the record and
 * never modified by the optimizer.
 */
public record Evaluation(double loss, double[] gradient) {
    public Evaluation {
        if (gradient == null) {
            throw new IllegalArgumentException("an evaluation needs its gradient");
        }
    }

    /** Whether the loss and every gradient entry are finite. */
    public boolean finite() {
        if (!Double.isFinite(loss)) {
            return false;
        }
        for (double g : gradient) {
            if (!Double.isFinite(g)) {
                return false;
            }
        }
        return true;
    }
}
