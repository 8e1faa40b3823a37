package io.mnistspark.job;

import io.mnistspark.train.JobSettings;
import io.mnistspark.train.RunOutcome;
import io.mnistspark.train.RunState;
import java.util.List;

/**
 * A saved job in the middle: its settings (with the partition count it ran on), the runs already finished,
 * and the state of run {@code runIndex} after its last completed step.
 */
record Checkpoint(JobSettings job, List<RunOutcome> completed, int runIndex, RunState state) {
    Checkpoint {
        completed = List.copyOf(completed);
        if (runIndex != completed.size()) {
            throw new IllegalArgumentException("checkpoint of run " + runIndex + " lists " + completed.size()
                    + " finished runs before it");
        }
    }
}
