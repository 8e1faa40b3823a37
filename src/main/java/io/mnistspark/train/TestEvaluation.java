package io.mnistspark.train;

import io.mnistspark.data.ImageBlock;
import io.mnistspark.model.BlockKernel;
import io.mnistspark.model.NetworkShape;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/** Predicts every test row at given parameters and counts the confusion matrix, on the executors. */
public final class TestEvaluation {
    private TestEvaluation() {
    }

    public static ConfusionMatrix run(JavaSparkContext sc, JavaRDD<ImageBlock> test, NetworkShape shape,
            double[] params) {
        Broadcast<double[]> broadcast = sc.broadcast(params);
        try {
            int classes = shape.classes();
            return test.treeAggregate(new ConfusionMatrix(classes), (matrix, rows) -> {
                int[] predicted = new BlockKernel(shape, broadcast.value()).predict(rows);
                for (int r = 0; r < rows.rows(); r++) {
                    int label = rows.label(r);
                    if (label >= classes) {
                        throw new IllegalArgumentException("test label " + label + " is outside the "
                                + classes + " classes the network was trained on");
                    }
                    matrix.add(label, predicted[r]);
                }
                return matrix;
            }, ConfusionMatrix::merge, 2);
        } finally {
            broadcast.destroy();
        }
    }
}
