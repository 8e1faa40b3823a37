package io.mnistspark.data;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The record formats' own access, below Spark: the driver reads every file once ({@link #inspect}), and each
 * Spark partition opens its own record range ({@link #open}), seeking where the file allows it. Only the
 * Hadoop configuration is needed, so the data layer's tests read these formats without Spark.
 */
sealed interface RecordSource extends DataLocation permits EmbeddedMnist, IdxDirectory, NpzArchive {

    /** Record formats hold a test part beside the training part. */
    @Override
    default boolean hasTestPart() {
        return true;
    }

    @Override
    default DatasetInfo inspect(SparkSession spark, ClassCount classes) {
        return inspect(spark.sparkContext().hadoopConfiguration(), classes);
    }

    /** Each partition reads its own record range (see {@link RecordRanges}). */
    @Override
    default JavaRDD<Shard> trainingShards(SparkSession spark, DatasetInfo info, TrainValidationSplit split,
            int partitions) {
        return RecordRanges.training(JavaSparkContext.fromSparkContext(spark.sparkContext()), this, info, split,
                partitions);
    }

    @Override
    default JavaRDD<ImageBlock> testRows(SparkSession spark, DatasetInfo info, int partitions) {
        return RecordRanges.test(JavaSparkContext.fromSparkContext(spark.sparkContext()), this, info, partitions);
    }

    /**
     * Reads and checks this dataset's files once; called through {@link DatasetReader#inspect}, which
     * documents the checks.
     *
     * @param conf    Hadoop configuration for file-system access (not used for the embedded dataset)
     * @param classes the stated class count, or {@link ClassCount#FROM_LABELS}
     */
    DatasetInfo inspect(Configuration conf, ClassCount classes);

    /**
     * Opens records {@code [first, end)} of a part; called through {@link DatasetReader#open}, which checks
     * the range's bounds first.
     *
     * @param conf Hadoop configuration for file-system access (not used for the embedded dataset)
     */
    RecordCursor open(Part part, int first, int end, Configuration conf);
}
