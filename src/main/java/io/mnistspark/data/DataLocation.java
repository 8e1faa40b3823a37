package io.mnistspark.data;

import java.util.Locale;

/**
 * Where a dataset lives. Only names a place; nothing is opened until {@link DatasetReader} is asked to.
 *
 * <p>Serializable because the driver ships it to the Spark executors, which open their own record ranges
 * with it. The implementations hold strings only, so they serialize cheaply and identically everywhere.
 */
public sealed interface DataLocation extends java.io.Serializable permits EmbeddedMnist, IdxDirectory, NpzArchive {

    /**
     * Reads a user-given dataset spec (a command-line option, a config value).
     *
     * <ul>
     *   <li>{@code null}, blank or {@code "embedded"} (any case): the MNIST packed into the application
     *       jar, so a fresh checkout runs without a download;</li>
     *   <li>a path or URI ending in {@code .npz} (any case): a Keras-style {@code mnist.npz};</li>
     *   <li>anything else: a directory of the four IDX files.</li>
     * </ul>
     * Surrounding whitespace is ignored. Nothing is checked on the file system here, so a spec can be
     * parsed on a machine that cannot reach the data; {@link DatasetReader#inspect} reports what is wrong.
     * A directory that happens to be called {@code embedded} can be given as {@code ./embedded}.
     */
    static DataLocation parse(String spec) {
        String s = spec == null ? "" : spec.strip();
        if (s.isEmpty() || s.equalsIgnoreCase("embedded")) {
            return new EmbeddedMnist();
        }
        if (s.toLowerCase(Locale.ROOT).endsWith(".npz")) {
            return new NpzArchive(s);
        }
        return new IdxDirectory(s);
    }

    /** Human text for logs and run records, e.g. {@code "embedded MNIST (jar resources)"} or the URI. */
    String describe();

    /** The {@code --data} text that names this location again: {@code parse(spec())} equals this location. */
    String spec();

    /**
     * Reads and checks this dataset's files once; called through {@link DatasetReader#inspect}, which
     * documents the checks.
     *
     * @param conf Hadoop configuration for file-system access (not used for the embedded dataset)
     */
    DatasetInfo inspect(org.apache.hadoop.conf.Configuration conf);

    /**
     * Opens records {@code [first, end)} of a part; called through {@link DatasetReader#open}, which checks
     * the range's bounds first.
     *
     * @param conf Hadoop configuration for file-system access (not used for the embedded dataset)
     */
    RecordCursor open(Part part, int first, int end, org.apache.hadoop.conf.Configuration conf);
}
