package io.mnistspark.train;

/**
 * When to stop on the validation loss, with Keras' {@code EarlyStopping(monitor="val_loss")} meanings.
 * A step improves when its validation loss is not above {@code best - minDelta}; the run stops once
 * {@code max(patience, 1)} steps in a row have not improved (Keras stops at the first non-improving step
 * for patience 0 and 1 alike). The defaults (0, 0) are the notebook's rule: stop at the first step whose
 * validation loss is higher than the step before. With {@code restoreBest} the run ends with the
 * parameters of the best step.
 */
public record EarlyStoppingRule(int patience, double minDelta, boolean restoreBest) {
    public EarlyStoppingRule {
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be 0 or more, got " + patience);
        }
        if (!(minDelta >= 0.0) || !Double.isFinite(minDelta)) {
            throw new IllegalArgumentException("min-delta must be a finite number of 0 or more, got " + minDelta);
        }
    }

    /** The notebook's rule. */
    public static EarlyStoppingRule notebook() {
        return new EarlyStoppingRule(0, 0.0, false);
    }
}
