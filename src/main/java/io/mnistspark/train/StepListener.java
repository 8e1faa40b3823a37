package io.mnistspark.train;

/** Told about each step as it completes, in order; used for progress output. */
public interface StepListener {
    /** Step {@code record.step()} of at most {@code maxSteps} has finished. */
    void onStep(StepRecord record, int maxSteps);

    /** The run ends before {@code maxSteps}: early stopping or divergence, explained in {@code reason} (a sentence). */
    default void onStop(int step, String reason) {
    }

    StepListener SILENT = (record, maxSteps) -> { };
}
