package io.mnistspark.data;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads LIBSVM through Spark's {@code libsvm} source: a label and the 1-based {@code index:value} pairs of
 * the nonzero features per line, values used as written. A LIBSVM file does not say how long its rows are;
 * without {@code --num-features} Spark infers it, as the largest index in the training files (one more pass
 * over them): for MNIST that is less than 784, since no image has ink in the last pixels.
 *
 * @param numFeatures the length of every row, or 0 to infer it
 */
record LibsvmReader(int numFeatures) implements TableReader {

    @Override
    public TableFormat format() {
        return TableFormat.LIBSVM;
    }

    /**
     * {@code --num-features}, else Spark's inference. When inference fails on a line Spark cannot parse,
     * the rows are scanned so that the refusal names that line's number, not only Spark's reason.
     */
    @Override
    public int features(SparkSession spark, TableFiles files) {
        if (numFeatures > 0) {
            return numFeatures;
        }
        String[] paths = files.files().stream().map(HadoopFile::location).toArray(String[]::new);
        try {
            Dataset<Row> rows = spark.read().format("libsvm").load(paths);
            return AttributeGroup.fromStructField(rows.schema().apply("features")).size();
        } catch (Exception e) {
            TableScan.of(spark, this, files, -1, "training");
            throw new DataException(files.uri() + ": cannot be read as LIBSVM (" + TableScan.reason(e) + "); "
                    + rowAdvice(), e);
        }
    }

    /** With {@code features} -1 (only while looking for a line inference failed on), rows as long as allowed. */
    @Override
    public JavaRDD<Row> rows(SparkSession spark, HadoopFile file, int features) {
        int width = features > 0 ? features : ImageShape.MAX_PIXELS;
        try {
            return spark.read().format("libsvm").option("numFeatures", width).load(file.location())
                    .select("features", "label").javaRDD();
        } catch (Exception e) {
            throw new DataException(file.location() + ": cannot be read as LIBSVM (" + TableScan.reason(e) + "); "
                    + rowAdvice(), e);
        }
    }

    @Override
    public String rowAdvice() {
        return "each line must be 'label index:value ...' with 1-based ascending indices"
                + (numFeatures > 0 ? " up to --num-features " + numFeatures : "");
    }
}
