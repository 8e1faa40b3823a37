package io.mnistspark.train;

import io.mnistspark.numpy.PythonRepr;

/**
 * Where and why a run stopped as diverged. The run stops before update {@code step}: its history holds
 * steps 1 to {@code step - 1}.
 *
 * @param trainLoss the training loss of {@code step}, at the parameters before its update
 * @param firstLoss step 1's training loss, at the initial parameters
 * @param factor the rule's factor (0: the rise check was off)
 */
public record Divergence(int step, Cause cause, double trainLoss, double firstLoss, double factor) {
    /** What went wrong at the step. */
    public enum Cause { LOSS_NOT_FINITE, GRADIENT_NOT_FINITE, LOSS_ROSE }

    public Divergence {
        if (step < 1) {
            throw new IllegalArgumentException("steps count from 1, got " + step);
        }
        if (cause == null) {
            throw new IllegalArgumentException("a divergence needs its cause");
        }
    }

    /**
     * One line for the user: the step, both losses, and what to do, e.g. {@code Step: 4, training diverged:
     * the training loss 31.7 is above 10 times step 1's 2.57 (divergence factor 10); stopped before update 4.
     * Try a smaller learning rate.}
     */
    public String message() {
        String loss = PythonRepr.format(trainLoss);
        String first = PythonRepr.format(firstLoss);
        String what = switch (cause) {
            case LOSS_NOT_FINITE -> "the training loss is not finite (" + loss + "; step 1's was " + first + ")";
            case GRADIENT_NOT_FINITE -> "the gradient is not finite (training loss " + loss + "; step 1's was "
                    + first + ")";
            case LOSS_ROSE -> "the training loss " + loss + " is above " + PythonRepr.format(factor)
                    + " times step 1's " + first + " (divergence factor " + PythonRepr.format(factor) + ")";
        };
        return "Step: " + step + ", training diverged: " + what + "; stopped before update " + step
                + ". Try a smaller learning rate (--learning-rate, the stepSize param)"
                + (cause == Cause.LOSS_ROSE ? ", or --divergence-factor 0 to let the loss rise." : ".");
    }
}
