package io.mnistspark.job;

import io.mnistspark.model.NetworkShape;
import io.mnistspark.report.OutputException;
import io.mnistspark.train.JobSettings;
import io.mnistspark.train.RunOutcome;
import io.mnistspark.train.RunState;
import io.mnistspark.train.TrainingSettings;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Where a job's loop over its runs begins: for a new job at the first run with nothing finished; for a
 * resumed one after the runs its newest checkpoint had finished, with the saved state of the run it
 * interrupted. It exists so that the difference between the two is decided here, once, and
 * {@link TrainingJob}'s loop asks the same two questions either way instead of checking for a checkpoint.
 */
final class StartingPoint {
    private static final StartingPoint NEW_JOB = new StartingPoint(null, null);

    /** The checkpoint's directory and contents; both null for a new job. */
    private final Path source;
    private final Checkpoint checkpoint;

    private StartingPoint(Path source, Checkpoint checkpoint) {
        this.source = source;
        this.checkpoint = checkpoint;
    }

    /** A job that starts from its first run. */
    static StartingPoint newJob() {
        return NEW_JOB;
    }

    /**
     * The newest checkpoint in run directory {@code out}.
     *
     * @throws OutputException when there is none or it cannot be read; the message says what to do
     */
    static StartingPoint latestCheckpointIn(String out, Configuration conf) {
        try {
            Path dir = new Path(out);
            CheckpointStore store = new CheckpointStore(dir.getFileSystem(conf), dir);
            Path latest = store.latest();
            if (latest == null) {
                throw new OutputException(out + ": holds no checkpoint (the run had no --checkpoint-every, or was "
                        + "killed before its first one); start it again with --overwrite");
            }
            return new StartingPoint(latest, store.load(latest));
        } catch (IOException | IllegalArgumentException e) {
            throw new OutputException(out + ": cannot read its checkpoint: " + e.getMessage(), e);
        }
    }

    /** The settings saved with the checkpoint (with the partition count it ran on); only for a resumed job. */
    JobSettings savedJob() {
        return resumed().job();
    }

    /** The runs finished before the first one the loop trains (none for a new job). */
    List<RunOutcome> finishedRuns() {
        return checkpoint == null ? List.of() : checkpoint.completed();
    }

    /** The state run {@code runIndex} starts from: the checkpoint's for the run it interrupted, else a fresh one. */
    RunState stateOf(int runIndex, TrainingSettings settings, NetworkShape shape) {
        return checkpoint != null && runIndex == checkpoint.runIndex() ? checkpoint.state()
                : RunState.fresh(settings, shape);
    }

    /** For the log of a resumed job: which checkpoint, and where in the job it stands. */
    String describe() {
        Checkpoint saved = resumed();
        return String.format("%s: run %d of %d at step %d", source, saved.runIndex() + 1, saved.job().runs().size(),
                saved.state().stepsDone());
    }

    private Checkpoint resumed() {
        if (checkpoint == null) {
            throw new IllegalStateException("a new job has no checkpoint");
        }
        return checkpoint;
    }
}
