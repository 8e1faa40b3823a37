package io.mnistspark.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mnistspark.SparkTestSession;
import io.mnistspark.numpy.PythonRepr;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** {@code divergenceFactor} in the Spark ML API: fit refuses an exploding run with the command line's message. */
class MlpClassifierDivergenceTest {

    private static MlpClassifier exploding() {
        return new MlpClassifier().setHiddenUnits(16).setSolver("sgd").setStepSize(100).setMaxIter(8)
                .setHyperparameterDtype("float64").setValidationIndicatorCol("is_val");
    }

    @Test
    void fitThrowsAtTheFirstStepAboveFactorTimesTheFirstLoss() {
        Dataset<Row> data = RealValuedFrames.assembled(SparkTestSession.get());
        double[] unchecked = exploding().setDivergenceFactor(0).fit(data).summary().objectiveHistory();
        double first = unchecked[0];
        int expected = 1;
        while (expected <= unchecked.length && !(unchecked[expected - 1] > 3 * first)) {
            expected++;
        }
        assertTrue(expected <= unchecked.length, "the unchecked run never rose above 3 x its first loss " + first);

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> exploding().setDivergenceFactor(3).fit(data));
        assertEquals("Step: " + expected + ", training diverged: the training loss "
                + PythonRepr.format(unchecked[expected - 1]) + " is above 3.0 times step 1's "
                + PythonRepr.format(first) + " (divergence factor 3.0); stopped before update " + expected
                + ". Try a smaller learning rate (--learning-rate, the stepSize param), or --divergence-factor 0 to "
                + "let the loss rise.", e.getMessage());
        assertEquals(10.0, new MlpClassifier().getDivergenceFactor());
    }

    @Test
    void lbfgsStopsOnANonFiniteLossOrGradientByTheSameRule() {
        // 400 features at the largest double: hidden sums overflow to infinity, so the first loss is not finite
        StructType schema = new StructType().add("label", DataTypes.DoubleType, false)
                .add("features", SQLDataTypes.VectorType(), false).add("is_val", DataTypes.BooleanType, false);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            double[] features = new double[400];
            java.util.Arrays.fill(features, Double.MAX_VALUE);
            rows.add(RowFactory.create((double) (i % 2), Vectors.dense(features), i >= 6));
        }
        Dataset<Row> data = SparkTestSession.get().createDataFrame(rows, schema);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new MlpClassifier()
                .setHiddenUnits(16).setSolver("lbfgs").setMaxIter(5).setValidationIndicatorCol("is_val").fit(data));
        assertTrue(e.getMessage().startsWith("Step: 1, training diverged: the "), e.getMessage());
        assertTrue(e.getMessage().contains("is not finite"), e.getMessage());
    }

    @Test
    void aFactorBelowOneIsRefusedBySparksParamCheck() {
        assertThrows(IllegalArgumentException.class, () -> new MlpClassifier().setDivergenceFactor(0.5));
    }
}
