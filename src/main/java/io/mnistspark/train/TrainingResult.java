package io.mnistspark.train;

import java.util.List;

/**
 * How a run ended: the parameters it ends with (the best step's under restore-best), every history row,
 * and why it stopped.
 *
 * @param stoppedEarly the early-stopping rule ended the run
 * @param divergence where and why the run diverged, or null
 * @param bestStep the step with the best validation loss (the early-stopping rule's sense of best)
 * @param restoredBest the final parameters are the best step's, not the last step's
 */
public record TrainingResult(double[] params, List<StepRecord> history, boolean stoppedEarly, Divergence divergence,
        int bestStep, double bestValLoss, boolean restoredBest) {
    public TrainingResult {
        history = List.copyOf(history);
    }

    /** Updates applied. */
    public int steps() {
        return history.size();
    }

    public boolean diverged() {
        return divergence != null;
    }

    /** The step the run diverged at (it stopped before that step's update), or 0. */
    public int divergedAt() {
        return divergence == null ? 0 : divergence.step();
    }

    public StepRecord last() {
        if (history.isEmpty()) {
            throw new IllegalStateException("no step was recorded");
        }
        return history.get(history.size() - 1);
    }
}
