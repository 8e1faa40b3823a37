package io.mnistspark.train;

import io.mnistspark.data.ClassCount;
import io.mnistspark.data.DataLocation;
import java.util.List;

/**
 * A whole job: the data, how it is split and partitioned, where the outputs go, and the runs to train
 * on it one after another (one for {@code train}, several for {@code suite}).
 *
 * @param classes the stated class count ({@code --classes}), or {@link ClassCount#FROM_LABELS}
 * @param partitions Spark partitions for the data; 0 means Spark's default parallelism
 * @param overwrite replace an existing output directory
 * @param checkpointEvery save a checkpoint every this many steps; 0 for none
 */
public record JobSettings(DataLocation data, ClassCount classes, double valFraction, long splitSeed, int partitions, String out,
        boolean overwrite, int checkpointEvery, List<TrainingSettings> runs) {
    public JobSettings {
        java.util.Objects.requireNonNull(classes, "classes");
        if (!(valFraction > 0.0 && valFraction < 1.0)) {
            throw new IllegalArgumentException("--val-fraction must be strictly between 0 and 1, got " + valFraction);
        }
        if (splitSeed < 0 || splitSeed > 0xffffffffL) {
            throw new IllegalArgumentException("--split-seed must be in [0, 4294967295], got " + splitSeed);
        }
        if (partitions < 0) {
            throw new IllegalArgumentException("--partitions must be at least 1, got " + partitions);
        }
        if (out == null || out.isBlank()) {
            throw new IllegalArgumentException("--out needs a directory");
        }
        if (checkpointEvery < 0) {
            throw new IllegalArgumentException("--checkpoint-every must be 0 (off) or more, got " + checkpointEvery);
        }
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a job needs at least one run");
        }
        runs = List.copyOf(runs);
    }

    /** The same job on {@code partitions} partitions (a resolved default, or a resumed run's count). */
    public JobSettings withPartitions(int count) {
        return new JobSettings(data, classes, valFraction, splitSeed, count, out, overwrite, checkpointEvery, runs);
    }
}
