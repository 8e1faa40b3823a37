package io.mnistspark.train;

import java.io.Serializable;

/**
 * One row of the history, with the notebook's meaning: {@code trainLoss} and {@code trainAccuracy} at the
 * parameters before update {@code step}, {@code valLoss} and {@code valAccuracy} at the parameters after
 * it. {@code step} counts updates from 1; {@code elapsedMs} is wall time since training began.
 */
public record StepRecord(int step, double trainLoss, double valLoss, double trainAccuracy, double valAccuracy,
        long elapsedMs) implements Serializable {
    public StepRecord {
        if (step < 1) {
            throw new IllegalArgumentException("steps count from 1, got " + step);
        }
    }
}
