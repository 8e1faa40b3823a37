package io.mnistspark.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mnistspark.SparkTestSession;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.tuning.CrossValidator;
import org.apache.spark.ml.tuning.CrossValidatorModel;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MlpClassifier as a stage: in a Pipeline with Spark's own feature stages, saved, loaded, cross-validated. */
class MlpPipelineTest {
    @TempDir
    Path tmp;

    private static Pipeline pipeline() {
        VectorAssembler assembler = new VectorAssembler().setInputCols(RealValuedFrames.FEATURE_COLUMNS)
                .setOutputCol("raw");
        StandardScaler scaler = new StandardScaler().setInputCol("raw").setOutputCol("features").setWithMean(true);
        MlpClassifier mlp = new MlpClassifier().setHiddenUnits(16).setStepSize(0.05).setMaxIter(40);
        return new Pipeline().setStages(new PipelineStage[] {assembler, scaler, mlp});
    }

    @Test
    void aFittedPipelineSavesLoadsAndPredictsBitForBitTheSame() throws Exception {
        SparkSession spark = SparkTestSession.get();
        Dataset<Row> data = RealValuedFrames.csv(spark);
        PipelineModel fitted = pipeline().fit(data);
        String modelPath = tmp.resolve("pipeline-model").toString();
        fitted.write().overwrite().save(modelPath);
        PipelineModel loaded = PipelineModel.load(modelPath);

        List<Row> before = fitted.transform(data).select("rawPrediction", "probability", "prediction").collectAsList();
        List<Row> after = loaded.transform(data).select("rawPrediction", "probability", "prediction").collectAsList();
        assertEquals(150, before.size());
        for (int i = 0; i < before.size(); i++) {
            assertArrayEquals(((Vector) before.get(i).get(0)).toArray(), ((Vector) after.get(i).get(0)).toArray());
            assertArrayEquals(((Vector) before.get(i).get(1)).toArray(), ((Vector) after.get(i).get(1)).toArray());
            assertEquals(before.get(i).getDouble(2), after.get(i).getDouble(2));
        }
        MlpClassificationModel original = (MlpClassificationModel) fitted.stages()[2];
        MlpClassificationModel reloaded = (MlpClassificationModel) loaded.stages()[2];
        assertEquals(original.uid(), reloaded.uid());
        assertArrayEquals(original.weights(), reloaded.weights());
        assertEquals(16, reloaded.getHiddenUnits());
        assertEquals(0.05, reloaded.getStepSize());
        assertTrue(original.hasSummary());
        assertFalse(reloaded.hasSummary());
        double accuracy = new MulticlassClassificationEvaluator().setMetricName("accuracy")
                .evaluate(loaded.transform(data));
        assertTrue(accuracy > 0.8, "a separable fixture should be learned: accuracy " + accuracy);
    }

    @Test
    void anUnfittedPipelineSavesAndLoadsWithItsParams() throws Exception {
        SparkTestSession.get();
        String path = tmp.resolve("pipeline").toString();
        pipeline().write().overwrite().save(path);
        Pipeline loaded = Pipeline.load(path);
        MlpClassifier mlp = (MlpClassifier) loaded.getStages()[2];
        assertEquals(16, mlp.getHiddenUnits());
        assertEquals(0.05, mlp.getStepSize());
        assertEquals(40, mlp.getMaxIter());
        assertEquals("adam", mlp.getSolver());
    }

    @Test
    void crossValidatorTriesEveryStepSizeAndKeepsTheBest() {
        SparkSession spark = SparkTestSession.get();
        Dataset<Row> data = RealValuedFrames.csv(spark);
        Pipeline pipeline = pipeline();
        MlpClassifier mlp = (MlpClassifier) pipeline.getStages()[2];
        ParamMap[] grid = new ParamGridBuilder().addGrid(mlp.stepSize(), new double[] {0.0001, 0.05}).build();
        CrossValidator cv = new CrossValidator().setEstimator(pipeline).setEstimatorParamMaps(grid)
                .setEvaluator(new MulticlassClassificationEvaluator().setMetricName("accuracy")).setNumFolds(2)
                .setSeed(7);
        CrossValidatorModel model = cv.fit(data);
        assertEquals(2, model.avgMetrics().length);
        MlpClassificationModel best = (MlpClassificationModel) ((PipelineModel) model.bestModel()).stages()[2];
        double expected = model.avgMetrics()[0] > model.avgMetrics()[1] ? 0.0001 : 0.05;
        assertEquals(expected, best.getStepSize());
        assertTrue(model.avgMetrics()[1] > model.avgMetrics()[0], "40 steps of 1e-4 barely move; 0.05 learns: "
                + model.avgMetrics()[0] + " vs " + model.avgMetrics()[1]);
    }
}
