package io.mnistspark.data;

import java.util.Arrays;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reads CSV through Spark's {@code csv} source with a header, in Kaggle's MNIST layout
 * ({@code label,pixel0,...,pixel783}): a column named {@code label}, every other column one pixel, in header
 * order, raw 0-255 and divided by 255.0 when read, exactly the notebook's scaling, so a CSV export trains as
 * the IDX files do. Cells are read as text and turned into numbers here ({@link CsvRows}), so a bad cell is
 * named by its row and column; a row with more or fewer cells than the header is caught through Spark's
 * corrupt-record column.
 */
record CsvReader() implements TableReader {
    static final String CORRUPT = "_corrupt_record";
    private static final String LAYOUT = "the first line must be the header, e.g. label,pixel0,...,pixel783";

    @Override
    public TableFormat format() {
        return TableFormat.CSV;
    }

    @Override
    public int features(SparkSession spark, TableFiles files) {
        return header(spark, files.files().get(0)).length - 1;
    }

    @Override
    public JavaRDD<Row> rows(SparkSession spark, HadoopFile file, int features) {
        String[] header = header(spark, file);
        if (features >= 0 && header.length - 1 != features) {
            throw new DataException(file.location() + ": the header names " + (header.length - 1) + " pixel columns "
                    + "but the training data has " + features + "; every file needs the same columns");
        }
        StructType schema = new StructType();
        for (String column : header) {
            schema = schema.add(column, DataTypes.StringType, true);
        }
        schema = schema.add(CORRUPT, DataTypes.StringType, true);
        try {
            return spark.read().option("header", true).option("mode", "PERMISSIVE")
                    .option("columnNameOfCorruptRecord", CORRUPT).schema(schema).csv(file.location())
                    .javaRDD().mapPartitions(new CsvRows(header));
        } catch (Exception e) {
            throw new DataException(file.location() + ": cannot be read as CSV (" + TableScan.reason(e) + "); "
                    + LAYOUT, e);
        }
    }

    /** The file's header, refused without a {@code label} column or without a pixel column. */
    private static String[] header(SparkSession spark, HadoopFile file) {
        String[] header;
        try {
            header = spark.read().option("header", true).csv(file.location()).columns();
        } catch (Exception e) {
            throw new DataException(file.location() + ": cannot be read as CSV (" + TableScan.reason(e) + "); "
                    + LAYOUT, e);
        }
        if (!Arrays.asList(header).contains("label")) {
            String start = String.join(",", Arrays.copyOf(header, Math.min(header.length, 4)));
            throw new DataException(file.location() + ": the header has no 'label' column (it starts '" + start
                    + (header.length > 4 ? ",...'" : "'") + "); " + LAYOUT);
        }
        if (header.length < 2) {
            throw new DataException(file.location() + ": the header names no pixel column, only 'label'; " + LAYOUT);
        }
        return header;
    }

    @Override
    public String rowAdvice() {
        return LAYOUT + ", then one line per image";
    }
}
