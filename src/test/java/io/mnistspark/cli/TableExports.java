package io.mnistspark.cli;

import io.mnistspark.data.DatasetReader;
import io.mnistspark.data.NpzArchive;
import io.mnistspark.data.Part;
import io.mnistspark.data.RecordCursor;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The table-format exports of {@code mnist-first100.npz}: the LIBSVM and CSV files {@code make_table_fixtures.py}
 * wrote, and Parquet written here by Spark (pyarrow, which would let Python write it, is not installed, and
 * the Vector column is a Spark type anyway).
 */
final class TableExports {
    static final String NPZ = CliRunner.resource("/fixtures/mnist-first100.npz");
    static final String LIBSVM_TRAIN = CliRunner.resource("/fixtures/mnist-first100-train.libsvm");
    static final String LIBSVM_TEST = CliRunner.resource("/fixtures/mnist-first100-test.libsvm");
    static final String CSV_TRAIN = CliRunner.resource("/fixtures/mnist-first100-train.csv");
    static final String CSV_TEST = CliRunner.resource("/fixtures/mnist-first100-test.csv");
    static final StructType SCHEMA = new StructType()
            .add("features", SQLDataTypes.VectorType(), false)
            .add("label", DataTypes.DoubleType, false);

    private TableExports() {
    }

    /** The npz part's rows, in file order: {@code features} the pixels / 255 (a Vector), {@code label} a double. */
    static List<Row> rows(Part part) {
        NpzArchive npz = new NpzArchive(NPZ);
        int records = DatasetReader.inspect(npz, new Configuration()).count(part);
        List<Row> rows = new ArrayList<>();
        try (RecordCursor cursor = DatasetReader.open(npz, part, 0, records, new Configuration())) {
            byte[] pixels = new byte[cursor.shape().pixels()];
            for (int r = 0; r < records; r++) {
                int label = cursor.next(pixels);
                double[] x = new double[pixels.length];
                for (int p = 0; p < x.length; p++) {
                    x[p] = (pixels[p] & 0xff) / 255.0;
                }
                rows.add(RowFactory.create(Vectors.dense(x).compressed(), (double) label));
            }
        }
        return rows;
    }

    /**
     * The part written by {@code df.write().parquet(dir)} from a DataFrame of three partitions that grow
     * (rows [0, n/10), [n/10, n/2), [n/2, n)), so the directory holds three part files, the last the
     * largest: one Spark read of the directory would take them largest first.
     */
    static void writeParquet(SparkSession spark, Part part, String dir) {
        List<Row> rows = rows(part);
        int n = rows.size();
        int[] cuts = {0, n / 10, n / 2, n};
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<JavaRDD<Row>> pieces = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            pieces.add(sc.parallelize(new ArrayList<>(rows.subList(cuts[c], cuts[c + 1])), 1));
        }
        Dataset<Row> frame = spark.createDataFrame(sc.union(pieces.get(0), pieces.get(1), pieces.get(2)), SCHEMA);
        frame.write().parquet(dir);
    }
}
