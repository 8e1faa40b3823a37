package io.mnistspark.job;

import io.mnistspark.model.NetworkShape;
import io.mnistspark.train.Checkpointer;
import io.mnistspark.train.JobSettings;
import io.mnistspark.train.RunOutcome;
import io.mnistspark.train.RunState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Saves the whole job every {@code job.checkpointEvery()} steps of run {@code runIndex}. A checkpoint holds
 * more than the trainer's {@link RunState}: the job's settings, the runs finished before this one and the
 * network the arrays belong to. This type names what is captured for a run, and checks it when the run
 * starts, instead of a lambda closing over the job loop's variables.
 *
 * @param finished the runs finished before run {@code runIndex}, copied: the job's list grows afterwards
 */
record PeriodicCheckpointer(JobSettings job, CheckpointStore store, List<RunOutcome> finished, int runIndex,
        NetworkShape shape) implements Checkpointer {
    PeriodicCheckpointer {
        if (job.checkpointEvery() < 1) {
            throw new IllegalArgumentException("checkpoints every " + job.checkpointEvery()
                    + " steps: use Checkpointer.NONE for none");
        }
        finished = List.copyOf(finished);
        if (runIndex != finished.size()) {
            throw new IllegalArgumentException("checkpoints of run " + runIndex + " would list " + finished.size()
                    + " finished runs before it");
        }
    }

    /** Run {@code runIndex}'s checkpointer: a periodic one, or {@link Checkpointer#NONE} if the job saves none. */
    static Checkpointer forRun(JobSettings job, CheckpointStore store, List<RunOutcome> finished, int runIndex,
            NetworkShape shape) {
        return job.checkpointEvery() == 0 ? Checkpointer.NONE
                : new PeriodicCheckpointer(job, store, finished, runIndex, shape);
    }

    @Override
    public void afterStep(RunState state) {
        if (state.stepsDone() % job.checkpointEvery() == 0) {
            try {
                store.save(new Checkpoint(job, finished, runIndex, state), shape);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write a checkpoint at step " + state.stepsDone(), e);
            }
        }
    }
}
