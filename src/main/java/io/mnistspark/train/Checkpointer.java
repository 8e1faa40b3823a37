package io.mnistspark.train;

/** Told after every completed step; saves the run's state when its schedule says so. */
public interface Checkpointer {
    /** Step {@code state.stepsDone()} has finished and been recorded. */
    void afterStep(RunState state);

    Checkpointer NONE = state -> { };
}
