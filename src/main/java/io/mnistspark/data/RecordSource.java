package io.mnistspark.data;

import org.apache.hadoop.conf.Configuration;

/**
 * The record formats' own access, below Spark: the driver reads every file once ({@link #inspect}), and each
 * Spark partition opens its own record range ({@link #open}), seeking where the file allows it. Only the
 * Hadoop configuration is needed, so the data layer's tests read these formats without Spark.
 */
interface RecordSource {

    /**
     * Reads and checks this dataset's files once; called through {@link DatasetReader#inspect}, which
     * documents the checks.
     *
     * @param conf Hadoop configuration for file-system access (not used for the embedded dataset)
     */
    DatasetInfo inspect(Configuration conf);

    /**
     * Opens records {@code [first, end)} of a part; called through {@link DatasetReader#open}, which checks
     * the range's bounds first.
     *
     * @param conf Hadoop configuration for file-system access (not used for the embedded dataset)
     */
    RecordCursor open(Part part, int first, int end, Configuration conf);
}
