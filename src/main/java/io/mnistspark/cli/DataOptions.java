package io.mnistspark.cli;

import io.mnistspark.data.ClassCount;
import io.mnistspark.data.DataLocation;
import io.mnistspark.data.DataSpec;
import io.mnistspark.data.TableFormat;
import picocli.CommandLine.Option;

/** Where the data is, in which format, and how it is split and partitioned. */
public final class DataOptions {
    @Option(names = "--data", paramLabel = "PATH", defaultValue = "embedded",
            description = "Dataset: 'embedded' (the MNIST copy inside the jar), a directory with the four IDX files "
                    + "(train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, "
                    + "t10k-labels-idx1-ubyte, raw or .gz), a Keras-style .npz file, or a training file read by "
                    + "Spark: .libsvm/.svm, .csv (Kaggle's layout: label,pixel0,...,pixel783, raw 0-255) or "
                    + ".parquet (a Vector column 'features', a numeric 'label'), also the directory Spark wrote "
                    + "it to. Any Hadoop path (file:, hdfs:, s3a:). Default: ${DEFAULT-VALUE}.")
    String data;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Read --data (and --test-data) as libsvm, csv or parquet through Spark's reader, whatever "
                    + "their names end in. Default: by the name's extension.")
    String format;

    @Option(names = "--test-data", paramLabel = "PATH",
            description = "The test rows of LIBSVM, CSV or Parquet --data, in the same format (IDX and .npz data "
                    + "hold their own). Without it the run is not tested. Default: none.")
    String testData;

    @Option(names = "--num-features", paramLabel = "N", defaultValue = "0",
            description = "The length of LIBSVM rows (784 for MNIST); LIBSVM does not record it. Default: the "
                    + "largest index of the training file, as Spark infers it.")
    int numFeatures;

    @Option(names = "--classes", paramLabel = "N", defaultValue = "0",
            description = "The number of classes, labels 0..N-1; a label at or above it is refused. Default: 1 + the "
                    + "largest training label, refused when a class below it has no training example (a corrupt "
                    + "label); state N when empty classes are really meant.")
    int classes;

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

    /** The dataset the data options name; refuses options that do not go together. */
    DataLocation location() {
        try {
            return DataLocation.of(new DataSpec(data, format == null ? null : TableFormat.named(format), testData,
                    numFeatures));
        } catch (IllegalArgumentException e) {
            throw new SettingsException(e.getMessage());
        }
    }

    /** The stated class count, or {@link ClassCount#FROM_LABELS} without {@code --classes}. */
    ClassCount classCount() {
        try {
            return new ClassCount(classes);
        } catch (IllegalArgumentException e) {
            throw new SettingsException(e.getMessage());
        }
    }

    /** Checks ranges, and that the data options go together, before Spark starts. */
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
        location();
        classCount();
    }
}
