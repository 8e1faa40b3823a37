package io.mnistspark.train;

/** One finished run: what was asked, what training returned, how the test set scored, wall time. */
public record RunOutcome(TrainingSettings settings, TrainingResult result, ConfusionMatrix confusion,
        double wallSeconds) {
    public double testAccuracy() {
        return confusion.accuracy();
    }
}
