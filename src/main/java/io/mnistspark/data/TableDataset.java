package io.mnistspark.data;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * What the table formats ({@link LibsvmFile}, {@link CsvFile}, {@link ParquetFile}) do alike: a training
 * path and an optional test path, both in the format, each read through Spark's data source by the
 * format's {@link TableReader}; checked once ({@link TableScan}), then laid out as the record formats'
 * partitions ({@link TableLayout}). Each path is read twice more when the partitions are filled (numbering
 * the rows, then moving them), since nothing but the labels is kept between inspect and load.
 */
final class TableDataset {
    private TableDataset() {
    }

    /**
     * Reads both paths' rows once and checks them; the test rows must have the training rows' length and
     * labels among the training labels' classes. The image shape is {@code s x s} when the row length is
     * a square {@code s * s} (784: 28 x 28), else {@code 1 x length}.
     *
     * @param testUri null without test data
     */
    static DatasetInfo inspect(DataLocation location, TableReader reader, String trainUri, String testUri,
            ClassCount count, SparkSession spark) {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        TableFiles trainFiles = TableFiles.list(trainUri, reader.format(), conf);
        TableFiles testFiles = testUri == null ? null : TableFiles.list(testUri, reader.format(), conf);
        TableScan train = TableScan.of(spark, reader, trainFiles, reader.features(spark, trainFiles), "training");
        int classes = count.of(train.labels(), train.origin());
        int[] testLabels = new int[0];
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<DataFile> files = new ArrayList<>(trainFiles.describe(sc));
        if (testFiles != null) {
            TableScan test = TableScan.of(spark, reader, testFiles, train.features(), "test");
            testLabels = test.labels();
            count.checkTest(testLabels, classes, test.origin(), trainUri);
            files.addAll(testFiles.describe(sc));
        }
        return new DatasetInfo(location, ImageShape.ofFeatures(train.features()), classes, files, train.labels(),
                testLabels);
    }

    /** The training path's rows laid out by {@link TableLayout#training}. */
    static JavaRDD<Shard> trainingShards(TableReader reader, String trainUri, SparkSession spark, DatasetInfo info,
            TrainValidationSplit split, int partitions) {
        return TableLayout.training(read(reader, trainUri, spark, info), info, split, partitions);
    }

    /** The test path's rows laid out by {@link TableLayout#test}; empty blocks without test data. */
    static JavaRDD<ImageBlock> testRows(TableReader reader, String testUri, SparkSession spark, DatasetInfo info,
            int partitions) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        return TableLayout.test(sc, testUri == null ? null : read(reader, testUri, spark, info), info, partitions);
    }

    private static TableRows read(TableReader reader, String uri, SparkSession spark, DatasetInfo info) {
        TableFiles files = TableFiles.list(uri, reader.format(), spark.sparkContext().hadoopConfiguration());
        return TableRows.read(spark, reader, files, info.shape().pixels());
    }
}
