package io.mnistspark.train;

import java.util.List;

/**
 * How a run ended: the parameters it ends with (the best step's under restore-best), every history row,
 * and why it stopped.
 *
 * @param stoppedEarly the early-stopping rule ended the run
 * @param divergedAt the step whose loss or gradient stopped being finite, or 0
 * @param bestStep the step with the best validation loss (the early-stopping rule's sense of best)
 * @param restoredBest the final parameters are the best step's, not the last step's
 */
public record TrainingResult(double[] params, List<StepRecord> history, boolean stoppedEarly, int divergedAt,
        int bestStep, double bestValLoss, boolean restoredBest) {
    public TrainingResult {
        history = List.copyOf(history);
    }

    /** Updates applied. */
    public int steps() {
        return history.size();
    }

    public boolean diverged() {
        return divergedAt > 0;
    }

    public StepRecord last() {
        if (history.isEmpty()) {
            throw new IllegalStateException("no step was recorded");
        }
        return history.get(history.size() - 1);
    }
}
