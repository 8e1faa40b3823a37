package io.mnistspark.ml;

import io.mnistspark.data.DataLocation;
import io.mnistspark.data.DatasetReader;
import io.mnistspark.data.Part;
import io.mnistspark.data.RecordCursor;
import io.mnistspark.data.TrainValidationSplit;
import java.util.ArrayList;
import java.util.List;
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
 * An MNIST-format training file as a DataFrame a Spark user would have: {@code features} (pixels / 255, a
 * Vector), {@code label} (a double) and {@code isVal} (the notebook's split), in file order, partition i
 * holding the same record range as the command line's partition i.
 */
final class MnistFrames {
    static final StructType SCHEMA = new StructType()
            .add("features", SQLDataTypes.VectorType(), false)
            .add("label", DataTypes.DoubleType, false)
            .add("isVal", DataTypes.BooleanType, false);

    private MnistFrames() {
    }

    static Dataset<Row> training(SparkSession spark, DataLocation location, int records,
            TrainValidationSplit split, int partitions) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < partitions; i++) {
            indices.add(i);
        }
        return spark.createDataFrame(sc.parallelize(indices, partitions).flatMap(index -> {
            int from = (int) ((long) index * records / partitions);
            int to = (int) ((long) (index + 1) * records / partitions);
            List<Row> rows = new ArrayList<>();
            try (RecordCursor cursor = DatasetReader.open(location, Part.TRAIN, from, to, null)) {
                byte[] pixels = new byte[cursor.shape().pixels()];
                for (int record = from; record < to; record++) {
                    int label = cursor.next(pixels);
                    double[] x = new double[pixels.length];
                    for (int p = 0; p < x.length; p++) {
                        x[p] = (pixels[p] & 0xff) / 255.0;
                    }
                    rows.add(RowFactory.create(Vectors.dense(x).compressed(), (double) label,
                            split.isValidation(record)));
                }
            }
            return rows.iterator();
        }), SCHEMA);
    }
}
