package io.mnistspark.data;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;

/**
 * A Parquet file with a Spark ML Vector column {@code features} and a numeric column {@code label}, or the
 * directory {@code df.write().parquet(...)} wrote; read through Spark's Parquet source
 * ({@link ParquetReader}), values used as stored. Its test rows, when given, are another such file.
 *
 * @param uri     a Hadoop path or URI of the training file (or directory); not blank
 * @param testUri the test file (or directory) with the same columns, or null for none
 */
public record ParquetFile(String uri, String testUri) implements DataLocation {

    public ParquetFile {
        uri = TableLocations.required(uri, "Parquet");
        testUri = TableLocations.optional(testUri);
    }

    @Override
    public String describe() {
        return TableLocations.describe(TableFormat.PARQUET, uri, testUri, "");
    }

    @Override
    public String spec() {
        return uri;
    }

    @Override
    public DataSpec dataSpec() {
        return new DataSpec(uri, TableFormat.PARQUET, testUri, 0);
    }

    @Override
    public boolean hasTestPart() {
        return testUri != null;
    }

    @Override
    public DatasetInfo inspect(SparkSession spark) {
        return TableDataset.inspect(this, new ParquetReader(), uri, testUri, spark);
    }

    @Override
    public JavaRDD<Shard> trainingShards(SparkSession spark, DatasetInfo info, TrainValidationSplit split,
            int partitions) {
        return TableDataset.trainingShards(new ParquetReader(), uri, spark, info, split, partitions);
    }

    @Override
    public JavaRDD<ImageBlock> testRows(SparkSession spark, DatasetInfo info, int partitions) {
        return TableDataset.testRows(new ParquetReader(), testUri, spark, info, partitions);
    }
}
