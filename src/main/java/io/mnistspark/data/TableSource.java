package io.mnistspark.data;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;

/**
 * The formats read through Spark's own readers (LIBSVM, CSV, Parquet): a training file and, when given, a test
 * file in the same format. Each format names its reader and its {@code --data} text; the checks and the
 * loading in file order are {@link TableDataset}'s, the same for all three.
 */
sealed interface TableSource extends DataLocation permits LibsvmFile, CsvFile, ParquetFile {

    /** The training file (or the directory Spark wrote it to). */
    String uri();

    /** The test file in the same format, or null for none. */
    String testUri();

    /** The Spark reader that turns this format's rows into labelled rows. */
    TableReader reader();

    @Override
    default String spec() {
        return uri();
    }

    @Override
    default boolean hasTestPart() {
        return testUri() != null;
    }

    @Override
    default DatasetInfo inspect(SparkSession spark, ClassCount classes) {
        return TableDataset.inspect(this, reader(), uri(), testUri(), classes, spark);
    }

    @Override
    default JavaRDD<Shard> trainingShards(SparkSession spark, DatasetInfo info, TrainValidationSplit split,
            int partitions) {
        return TableDataset.trainingShards(reader(), uri(), spark, info, split, partitions);
    }

    @Override
    default JavaRDD<ImageBlock> testRows(SparkSession spark, DatasetInfo info, int partitions) {
        return TableDataset.testRows(reader(), testUri(), spark, info, partitions);
    }
}
