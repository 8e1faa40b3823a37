package io.mnistspark.train;

import java.io.Serializable;

/**
 * One row of the history, with the notebook's meaning: {@code trainLoss} and {@code trainAccuracy} at the
 * parameters before update {@code step}, {@code valLoss} and {@code valAccuracy} at the parameters after
 * it. {@code step} counts updates from 1; {@code elapsedMs} is wall time since training began;
 * {@code passes} the distributed passes the update took (1 for SGD and Adam, the line search's
 * evaluations for L-BFGS).
 */
public record StepRecord(int step, double trainLoss, double valLoss, double trainAccuracy, double valAccuracy,
        long elapsedMs, int passes) implements Serializable {
    public StepRecord {
        if (step < 1) {
            throw new IllegalArgumentException("steps count from 1, got " + step);
        }
        if (passes < 1) {
            throw new IllegalArgumentException("step " + step + " took at least one pass, got " + passes);
        }
    }

    /** A row of a one-pass step (SGD, Adam). */
    public StepRecord(int step, double trainLoss, double valLoss, double trainAccuracy, double valAccuracy,
            long elapsedMs) {
        this(step, trainLoss, valLoss, trainAccuracy, valAccuracy, elapsedMs, 1);
    }
}
