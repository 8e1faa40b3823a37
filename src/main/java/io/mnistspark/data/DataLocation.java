package io.mnistspark.data;

import java.util.Locale;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;

/**
 * Where a dataset lives, and how it is read: each format answers for itself. Naming a location opens
 * nothing; {@link #inspect} reads and checks it on the driver, then {@link #trainingShards} and
 * {@link #testRows} lay its records out over the partitions, partition {@code i} holding records
 * {@code [i * n / p, (i + 1) * n / p)} in file order, whatever the format (so every format of the same
 * images trains to the same history, bit for bit).
 *
 * <p>Two families: the record formats ({@link EmbeddedMnist}, {@link IdxDirectory}, {@link NpzArchive})
 * are read by this package's own readers, each partition opening its own record range
 * ({@link RecordSource}); the table formats ({@link LibsvmFile}, {@link CsvFile}, {@link ParquetFile}) are
 * read through Spark's data sources, their rows numbered in file order and moved to their partition by a
 * shuffle ({@link TableDataset}).
 *
 * <p>Serializable because the driver ships it to the Spark executors. The implementations hold strings
 * and numbers only, so they serialize cheaply and identically everywhere.
 */
public sealed interface DataLocation extends java.io.Serializable
        permits RecordSource, TableSource {

    /** {@link #of(DataSpec)} of {@code --data} alone. */
    static DataLocation parse(String spec) {
        return of(DataSpec.of(spec));
    }

    /**
     * Reads a user-given dataset spec (command-line options, a checkpoint).
     *
     * <ul>
     *   <li>with a {@link DataSpec#format()}: that table format, whatever the path's name;</li>
     *   <li>{@code null}, blank or {@code "embedded"} (any case): the MNIST packed into the application
     *       jar, so a fresh checkout runs without a download;</li>
     *   <li>a path or URI ending in {@code .npz} (any case): a Keras-style {@code mnist.npz};</li>
     *   <li>ending in {@code .libsvm} or {@code .svm}, {@code .csv}, {@code .parquet} (any case, a file or
     *       a directory Spark wrote): that table format ({@link TableFormat#byExtension});</li>
     *   <li>anything else: a directory of the four IDX files.</li>
     * </ul>
     * Surrounding whitespace is ignored. Nothing is checked on the file system here, so a spec can be
     * parsed on a machine that cannot reach the data; {@link #inspect} reports what is wrong.
     * A directory that happens to be called {@code embedded} can be given as {@code ./embedded}.
     *
     * @throws IllegalArgumentException for test data or a feature count given to a format that takes none,
     *                                  or a format forced on no path
     */
    static DataLocation of(DataSpec spec) {
        String s = spec.data() == null ? "" : spec.data().strip();
        boolean embedded = s.isEmpty() || s.equalsIgnoreCase("embedded");
        if (spec.format() != null && embedded) {
            throw new IllegalArgumentException("--format " + spec.format().sparkName() + " needs --data naming the "
                    + "training file (or directory)");
        }
        TableFormat table = spec.format() != null ? spec.format()
                : embedded ? null : TableFormat.byExtension(s).orElse(null);
        if (table != null) {
            return table.location(s, spec.testData(), spec.numFeatures());
        }
        if (embedded) {
            refuseTableOptions(spec, "the embedded MNIST");
            return new EmbeddedMnist();
        }
        if (s.toLowerCase(Locale.ROOT).endsWith(".npz")) {
            refuseTableOptions(spec, "an .npz archive");
            return new NpzArchive(s);
        }
        refuseTableOptions(spec, "an IDX directory");
        return new IdxDirectory(s);
    }

    private static void refuseTableOptions(DataSpec spec, String kind) {
        if (spec.testData() != null) {
            throw new IllegalArgumentException("--test-data applies to LIBSVM, CSV and Parquet data; " + kind
                    + " holds its own test part");
        }
        if (spec.numFeatures() != 0) {
            throw new IllegalArgumentException("--num-features applies to LIBSVM data only, not to " + kind);
        }
    }

    /** Human text for logs and run records, e.g. {@code "embedded MNIST (jar resources)"} or the URI. */
    String describe();

    /**
     * The {@code --data} text of this location. For the record formats {@code parse(spec())} is this location
     * again; a table format also has options beyond it ({@link #dataSpec()}).
     */
    String spec();

    /** Every option that names this location again: {@code of(dataSpec())} equals this location. */
    default DataSpec dataSpec() {
        return DataSpec.of(spec());
    }

    /** Whether the dataset has test records of its own (a table format only with {@code --test-data}). */
    boolean hasTestPart();

    /**
     * Reads and checks this dataset's files once, keeping only the labels; called through
     * {@link DatasetReader#inspect}, which documents the checks.
     */
    DatasetInfo inspect(SparkSession spark, ClassCount classes);

    /**
     * The training file's records as one {@link Shard} per partition, not yet persisted: partition {@code i}
     * holds records {@code [i * n / p, (i + 1) * n / p)} in file order, split into training and validation
     * rows by {@code split}; called through {@link ShardedDataset#load}.
     *
     * @param info what {@link #inspect} found
     */
    JavaRDD<Shard> trainingShards(SparkSession spark, DatasetInfo info, TrainValidationSplit split, int partitions);

    /** The test records, one block per partition laid out as {@link #trainingShards}'s, not yet persisted. */
    JavaRDD<ImageBlock> testRows(SparkSession spark, DatasetInfo info, int partitions);
}
