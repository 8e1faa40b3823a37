package io.mnistspark.bench;

import io.mnistspark.data.ImageBlock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Blocks' rows as MLlib's estimators take them: (label double, features sparse vector). */
final class MllibFrames {
    private MllibFrames() {
    }

    /** A DataFrame of {@link #rowsOf} rows, partitioned as {@code rows}. */
    static Dataset<Row> of(SparkSession spark, JavaRDD<Row> rows) {
        StructType schema = new StructType()
                .add("label", DataTypes.DoubleType, false)
                .add("features", SQLDataTypes.VectorType(), false);
        return spark.createDataFrame(rows, schema);
    }

    /** The block's rows; sparse vectors, as MLlib users hold MNIST, with the very values the kernel reads. */
    static Iterator<Row> rowsOf(ImageBlock block) {
        List<Row> rows = new ArrayList<>(block.rows());
        for (int r = 0; r < block.rows(); r++) {
            rows.add(RowFactory.create((double) block.label(r), Vectors.dense(block.denseRow(r)).compressed()));
        }
        return rows.iterator();
    }
}
