package io.mnistspark.train;

/** The running state of an {@link EarlyStoppingRule}: best validation loss so far and steps since. */
public final class EarlyStopping {
    private final EarlyStoppingRule rule;
    private double bestLoss = Double.POSITIVE_INFINITY;
    private int bestStep;
    private int stepsWithoutImprovement;
    private int lastStep;

    public EarlyStopping(EarlyStoppingRule rule) {
        this.rule = rule;
    }

    /** Resumes from saved state. */
    public EarlyStopping(EarlyStoppingRule rule, double bestLoss, int bestStep, int stepsWithoutImprovement) {
        this(rule);
        this.bestLoss = bestLoss;
        this.bestStep = bestStep;
        this.stepsWithoutImprovement = stepsWithoutImprovement;
        this.lastStep = bestStep + stepsWithoutImprovement;
    }

    /**
     * Records step {@code step}'s validation loss.
     *
     * @return whether this step improved on the best so far (the caller keeps its parameters if it restores)
     */
    public boolean observe(int step, double valLoss) {
        if (step <= lastStep) {
            throw new IllegalArgumentException("step " + step + " observed after step " + lastStep);
        }
        lastStep = step;
        if (valLoss <= bestLoss - rule.minDelta()) {
            bestLoss = valLoss;
            bestStep = step;
            stepsWithoutImprovement = 0;
            return true;
        }
        stepsWithoutImprovement++;
        return false;
    }

    /** Whether the steps observed so far end the run. */
    public boolean shouldStop() {
        return stepsWithoutImprovement >= Math.max(rule.patience(), 1);
    }

    public double bestLoss() {
        return bestLoss;
    }

    public int bestStep() {
        return bestStep;
    }

    public int stepsWithoutImprovement() {
        return stepsWithoutImprovement;
    }

    public EarlyStoppingRule rule() {
        return rule;
    }
}
