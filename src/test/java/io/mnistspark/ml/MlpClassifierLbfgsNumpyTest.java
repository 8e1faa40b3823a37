package io.mnistspark.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mnistspark.GoldenFile;
import io.mnistspark.SparkTestSession;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * L-BFGS through the Spark ML API (solver "l-bfgs", MLlib's spelling) on the real-valued fixture follows
 * numpy's L-BFGS of the same rule from the same start: golden/real-valued-lbfgs-10.txt (no penalty; its line
 * search grows its first step and zooms twice) and real-valued-lbfgs-10-l2.txt (regParam 0.05), both written by
 * src/test/python/lbfgs_reference.py.
 */
class MlpClassifierLbfgsNumpyTest {

    @Test
    void tenIterationsMatchNumpysLossesWithin1e9AndItsPassCounts() {
        assertFollowsNumpy("real-valued-lbfgs-10.txt", 0.0);
    }

    @Test
    void withAnL2PenaltyTenIterationsMatchNumpysLossesWithin1e9AndItsPassCounts() {
        assertFollowsNumpy("real-valued-lbfgs-10-l2.txt", 0.05);
    }

    private static void assertFollowsNumpy(String golden, double regParam) {
        GoldenFile numpy = GoldenFile.load(golden);
        List<Row> history = fit(regParam).orderBy("step").collectAsList();

        double[] train = numpy.block("train_loss iterations 1..10");
        double[] validation = numpy.block("val_loss iterations 1..10");
        double[] passes = numpy.block("passes iterations 1..10");
        assertEquals(10, history.size());
        for (int t = 0; t < 10; t++) {
            Row row = history.get(t);
            assertEquals(t + 1, row.getInt(row.fieldIndex("step")));
            assertEquals(train[t], row.getDouble(row.fieldIndex("train_loss")), 1e-9, "train loss, iteration " + (t + 1));
            assertEquals(validation[t], row.getDouble(row.fieldIndex("val_loss")), 1e-9, "val loss, iteration " + (t + 1));
            assertEquals((int) passes[t], row.getInt(row.fieldIndex("passes")), "passes, iteration " + (t + 1));
        }
    }

    @Test
    void refitsAreBitwiseIdentical() {
        assertEquals(fit(0.05).orderBy("step").drop("run", "elapsed_ms").collectAsList(),
                fit(0.05).orderBy("step").drop("run", "elapsed_ms").collectAsList());
    }

    private static Dataset<Row> fit(double regParam) {
        MlpClassifier classifier = new MlpClassifier().setSolver("l-bfgs").setRegParam(regParam).setHiddenUnits(8)
                .setInitStddev(3.0).setSeed(3).setMaxIter(10).setValidationIndicatorCol("is_val");
        return classifier.fit(RealValuedFrames.assembled(SparkTestSession.get())).summary().history();
    }
}
