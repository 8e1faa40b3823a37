package io.mnistspark.data;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;

/**
 * A CSV file in Kaggle's MNIST layout ({@code train.csv}: a header {@code label,pixel0,...,pixel783}, then a
 * line per image, the label and the raw 0-255 pixels), or a directory Spark wrote such files to; read through
 * Spark's CSV source ({@link CsvReader}). Its test rows, when given, are another such file.
 *
 * @param uri     a Hadoop path or URI of the training file (or directory); not blank
 * @param testUri the test file (or directory) in the same layout, or null for none
 */
public record CsvFile(String uri, String testUri) implements DataLocation {

    public CsvFile {
        uri = TableLocations.required(uri, "CSV");
        testUri = TableLocations.optional(testUri);
    }

    @Override
    public String describe() {
        return TableLocations.describe(TableFormat.CSV, uri, testUri, "");
    }

    @Override
    public String spec() {
        return uri;
    }

    @Override
    public DataSpec dataSpec() {
        return new DataSpec(uri, TableFormat.CSV, testUri, 0);
    }

    @Override
    public boolean hasTestPart() {
        return testUri != null;
    }

    @Override
    public DatasetInfo inspect(SparkSession spark) {
        return TableDataset.inspect(this, new CsvReader(), uri, testUri, spark);
    }

    @Override
    public JavaRDD<Shard> trainingShards(SparkSession spark, DatasetInfo info, TrainValidationSplit split,
            int partitions) {
        return TableDataset.trainingShards(new CsvReader(), uri, spark, info, split, partitions);
    }

    @Override
    public JavaRDD<ImageBlock> testRows(SparkSession spark, DatasetInfo info, int partitions) {
        return TableDataset.testRows(new CsvReader(), testUri, spark, info, partitions);
    }
}
