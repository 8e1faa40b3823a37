package io.mnistspark.data;

import java.util.Arrays;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;

/**
 * Reads Parquet through Spark's {@code parquet} source: a Spark ML Vector column {@code features} (as
 * {@code VectorAssembler} or Spark's LIBSVM reader make, written by {@code df.write().parquet(...)}) and a
 * numeric column {@code label}; other columns are ignored, values used as stored. The rows' length is
 * their vectors' size.
 */
record ParquetReader() implements TableReader {
    private static final String LAYOUT = "Parquet input needs a Vector column 'features' and a numeric column "
            + "'label' (as Spark ML writes them)";

    @Override
    public TableFormat format() {
        return TableFormat.PARQUET;
    }

    @Override
    public int features(SparkSession spark, TableFiles files) {
        return -1;
    }

    @Override
    public JavaRDD<Row> rows(SparkSession spark, HadoopFile file, int features) {
        Dataset<Row> table;
        try {
            table = spark.read().parquet(file.location());
        } catch (Exception e) {
            throw new DataException(file.location() + ": not a readable Parquet file (" + TableScan.reason(e)
                    + "); the file is cut short, damaged or not Parquet", e);
        }
        StructType schema = table.schema();
        require(file, schema, "features", SQLDataTypes.VectorType(), "a Vector");
        require(file, schema, "label", null, "numeric");
        return table.select("features", "label").javaRDD();
    }

    /** Refuses a schema without {@code column}, or with it of another type ({@code type} null: numeric). */
    private static void require(HadoopFile file, StructType schema, String column, DataType type, String kind) {
        if (!Arrays.asList(schema.fieldNames()).contains(column)) {
            throw new DataException(file.location() + ": no '" + column + "' column (it has "
                    + String.join(", ", schema.fieldNames()) + "); " + LAYOUT);
        }
        DataType found = schema.apply(column).dataType();
        if (type == null ? !(found instanceof NumericType) : !found.equals(type)) {
            throw new DataException(file.location() + ": column '" + column + "' is " + found.simpleString()
                    + ", not " + kind + "; " + LAYOUT);
        }
    }

    @Override
    public String rowAdvice() {
        return "the file is damaged";
    }
}
