package io.mnistspark.ml;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mnistspark.SparkTestSession;
import java.util.List;
import org.apache.spark.ml.attribute.NominalAttribute;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every kind of bad input to fit is refused before training, naming the column and the row at fault. */
class MlpClassifierBadInputTest {
    private static final StructType SCHEMA = new StructType()
            .add("features", SQLDataTypes.VectorType(), true)
            .add("label", DataTypes.DoubleType, true)
            .add("isVal", DataTypes.BooleanType, true);

    private static Dataset<Row> frame(Row... rows) {
        return SparkTestSession.get().createDataFrame(List.of(rows), SCHEMA);
    }

    private static Row row(double[] features, Double label, Boolean isVal) {
        return RowFactory.create(features == null ? null : Vectors.dense(features), label, isVal);
    }

    private static final Row GOOD_0 = row(new double[] {0.5, -1.0}, 0.0, false);
    private static final Row GOOD_1 = row(new double[] {-0.25, 2.0}, 1.0, false);
    private static final Row GOOD_VAL = row(new double[] {1.0, 1.0}, 1.0, true);

    private static void refused(Executable fit, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, fit);
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "'" + fragment + "' in: " + e.getMessage());
        }
    }

    private static MlpClassifier mlp() {
        return new MlpClassifier().setMaxIter(2).setHiddenUnits(3).setValidationIndicatorCol("isVal");
    }

    @Test
    void missingOrMistypedColumnsAreNamed() {
        SparkSession spark = SparkTestSession.get();
        Dataset<Row> good = frame(GOOD_0, GOOD_1, GOOD_VAL);
        refused(() -> mlp().setFeaturesCol("pixels").fit(good), "featuresCol 'pixels' is not a column",
                "features, label, isVal");
        refused(() -> mlp().setLabelCol("y").fit(good), "labelCol 'y' is not a column");
        refused(() -> mlp().setValidationIndicatorCol("val").fit(good), "validationIndicatorCol 'val' is not a column");
        refused(() -> mlp().setFeaturesCol("label").fit(good), "featuresCol 'label' must be a Vector column",
                "found double");
        refused(() -> mlp().setLabelCol("isVal").setValidationIndicatorCol("isVal").fit(good),
                "labelCol 'isVal' must be numeric");
        refused(() -> mlp().setValidationIndicatorCol("label").fit(good),
                "validationIndicatorCol 'label' must be boolean");
        refused(() -> mlp().fit(spark.emptyDataFrame()), "featuresCol 'features' is not a column");
    }

    @Test
    void badValuesNameTheRow() {
        refused(() -> mlp().fit(frame(GOOD_0, row(new double[] {1.0, 2.0, 3.0}, 1.0, false))),
                "featuresCol 'features': vectors of different sizes", "(in the row (features=[1.0,2.0,3.0], label=1.0");
        refused(() -> mlp().fit(frame(GOOD_0, row(new double[] {Double.NaN, 2.0}, 1.0, false))),
                "featuresCol 'features' holds NaN", "label=1.0", "must be finite");
        refused(() -> mlp().fit(frame(GOOD_0, row(new double[] {1.0, Double.POSITIVE_INFINITY}, 1.0, false))),
                "holds Infinity");
        refused(() -> mlp().fit(frame(GOOD_0, row(new double[] {1.0, 2.0}, 2.5, false))),
                "labelCol 'label' holds 2.5", "whole class indexes");
        refused(() -> mlp().fit(frame(GOOD_0, row(new double[] {1.0, 2.0}, -1.0, false))), "holds -1.0");
        refused(() -> mlp().fit(frame(GOOD_0, row(new double[] {1.0, 2.0}, null, false))),
                "labelCol 'label' is null");
        refused(() -> mlp().fit(frame(GOOD_0, row(null, 1.0, false))), "featuresCol 'features' is null");
        refused(() -> mlp().fit(frame(GOOD_0, row(new double[] {1.0, 2.0}, 1.0, null))),
                "validationIndicatorCol 'isVal' is null");
    }

    @Test
    void labelsBeyondTheDeclaredClassesAreRefused() {
        Dataset<Row> data = frame(GOOD_0, GOOD_1, row(new double[] {1.0, 2.0}, 4.0, false));
        Metadata twoClasses = NominalAttribute.defaultAttr().withName("label").withNumValues(2).toMetadata();
        Dataset<Row> declared = data.withColumn("label", data.col("label").as("label", twoClasses));
        refused(() -> mlp().fit(declared), "labelCol 'label' holds 4.0", "declares 2 classes");
    }

    @Test
    void aFitNeedsTrainingRowsTwoClassesAndValidationRowsForEarlyStopping() {
        refused(() -> mlp().fit(frame(GOOD_VAL)), "no training rows", "isVal");
        refused(() -> mlp().setEarlyStopping(true).fit(frame(GOOD_0, GOOD_1)), "earlyStopping needs validation rows",
                "'isVal' is true for none");
        refused(() -> new MlpClassifier().setEarlyStopping(true).fit(frame(GOOD_0, GOOD_1)),
                "set validationIndicatorCol");
        refused(() -> mlp().fit(frame(GOOD_0)), "every label is 0");
    }

    @Test
    void settingsOutsideTheirRangeAreRefusedWhenSet() {
        assertThrows(IllegalArgumentException.class, () -> new MlpClassifier().setStepSize(0.0));
        assertThrows(IllegalArgumentException.class, () -> new MlpClassifier().setSolver("rmsprop"));
        assertThrows(IllegalArgumentException.class, () -> new MlpClassifier().setMaxIter(0));
        assertThrows(IllegalArgumentException.class, () -> new MlpClassifier().setSeed(-1));
        refused(() -> new MlpClassifier().setStepSize(1e300).fit(frame(GOOD_0, GOOD_1)),
                "is not a positive finite float32");
    }
}
