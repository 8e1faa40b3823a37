package io.mnistspark.cli;

import io.mnistspark.data.DataLocation;
import picocli.CommandLine.Option;

/** Where the data is and how it is split and partitioned. */
public final class DataOptions {
    @Option(names = "--data", paramLabel = "PATH", defaultValue = "embedded",
            description = "Dataset: 'embedded' (the MNIST copy inside the jar), a directory with the four IDX files "
                    + "(train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, "
                    + "t10k-labels-idx1-ubyte, raw or .gz), or a Keras-style .npz file. Any Hadoop path "
                    + "(file:, hdfs:, s3a:). Default: ${DEFAULT-VALUE}.")
    String data;

    @Option(names = "--val-fraction", paramLabel = "F", defaultValue = "0.2",
            description = "Share of the training file held out for validation, as scikit-learn's test_size. "
                    + "Default: ${DEFAULT-VALUE}.")
    double valFraction;

    @Option(names = "--split-seed", paramLabel = "N", defaultValue = "0",
            description = "random_state of the train/validation split (numpy's RandomState). Default: ${DEFAULT-VALUE}.")
    long splitSeed;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "0",
            description = "Spark partitions for the data. Default: Spark's default parallelism (the core count in local[*]).")
    int partitions;

    DataLocation location() {
        return DataLocation.parse(data);
    }

    /** Checks ranges before Spark starts. */
    void validate() {
        if (!(valFraction > 0.0 && valFraction < 1.0)) {
            throw new SettingsException("--val-fraction must be strictly between 0 and 1, got " + valFraction);
        }
        if (splitSeed < 0 || splitSeed > 0xffffffffL) {
            throw new SettingsException("--split-seed must be in [0, 4294967295], got " + splitSeed);
        }
        if (partitions < 0) {
            throw new SettingsException("--partitions must be at least 1, got " + partitions);
        }
        if (data == null || data.isBlank()) {
            throw new SettingsException("--data needs a path, or 'embedded'");
        }
    }
}
