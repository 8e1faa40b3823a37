package io.mnistspark.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mnistspark.GoldenFile;
import io.mnistspark.SparkTestSession;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * Real-valued features with negative values (src/test/resources/fixtures/real-valued.csv) train as numpy
 * computes it: golden/real-valued-adam-20.txt, written by src/test/python/make_real_valued.py.
 */
class MlpClassifierNumpyTest {

    @Test
    void twentyAdamStepsOnRealValuedFeaturesMatchNumpyTo1e12() {
        GoldenFile numpy = GoldenFile.load("real-valued-adam-20.txt");
        MlpClassifier classifier = new MlpClassifier().setHiddenUnits(8).setStepSize(0.01).setInitStddev(0.5)
                .setSeed(3).setMaxIter(20).setValidationIndicatorCol("is_val");
        MlpClassificationModel model = classifier.fit(RealValuedFrames.assembled(SparkTestSession.get()));

        List<Row> history = model.summary().history().orderBy("step").collectAsList();
        double[] train = numpy.block("train_loss");
        double[] validation = numpy.block("val_loss");
        assertEquals(20, history.size());
        for (int t = 0; t < 20; t++) {
            Row row = history.get(t);
            assertEquals(t + 1, row.getInt(row.fieldIndex("step")));
            assertEquals(train[t], row.getDouble(row.fieldIndex("train_loss")), 1e-12, "train loss, step " + (t + 1));
            assertEquals(validation[t], row.getDouble(row.fieldIndex("val_loss")), 1e-12, "val loss, step " + (t + 1));
        }
        assertEquals(5, model.numFeatures());
        assertEquals(3, model.numClasses());
    }
}
