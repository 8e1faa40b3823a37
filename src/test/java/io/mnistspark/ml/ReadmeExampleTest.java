package io.mnistspark.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mnistspark.SparkTestSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's Java example runs as written: the lines between the markers below are its code block. */
class ReadmeExampleTest {
    @TempDir
    Path tmp;

    @Test
    void theReadmesJavaExampleTrainsSavesAndLoads() throws IOException {
        SparkSession spark = SparkTestSession.get();
        String csvPath = RealValuedFrames.path();
        String modelPath = tmp.resolve("model").toString();
        // README example begins
        Dataset<Row> data = spark.read().option("header", true).option("inferSchema", true).csv(csvPath);
        VectorAssembler assembler = new VectorAssembler()
                .setInputCols(new String[] {"x0", "x1", "x2", "x3", "x4"}).setOutputCol("raw");
        StandardScaler scaler = new StandardScaler().setInputCol("raw").setOutputCol("features").setWithMean(true);
        MlpClassifier mlp = new MlpClassifier()
                .setHiddenUnits(16).setSolver("adam").setStepSize(0.01).setMaxIter(500)
                .setValidationIndicatorCol("is_val").setEarlyStopping(true).setPatience(5).setRestoreBest(true);
        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {assembler, scaler, mlp});
        PipelineModel model = pipeline.fit(data);

        MlpClassificationModel network = (MlpClassificationModel) model.stages()[2];
        MlpTrainingSummary summary = network.summary();
        System.out.println(summary.steps() + " steps, best validation loss " + summary.bestValidationLoss()
                + " at step " + summary.bestStep());
        summary.history().show(5);                // run, step, train_loss, val_loss, ... as history.parquet

        model.write().overwrite().save(modelPath);
        PipelineModel.load(modelPath).transform(data).select("label", "probability", "prediction").show(5);
        // README example ends
        assertTrue(summary.steps() >= 1 && summary.steps() <= 500);
        assertTrue(summary.bestStep() >= 1);
        assertEquals(summary.steps(), summary.history().count());
    }

    @Test
    void theReadmeShowsExactlyThisExample() throws IOException {
        List<String> source = Files.readAllLines(Path.of("src/test/java/io/mnistspark/ml/ReadmeExampleTest.java"));
        int begin = source.indexOf("        // README example begins");
        int end = source.indexOf("        // README example ends");
        String example = String.join("\n", source.subList(begin + 1, end).stream().map(l -> l.replaceFirst("^ {8}", ""))
                .toList());
        String readme = Files.readString(Path.of("README.md"));
        assertTrue(readme.contains("```java\n" + example + "\n```"), "README.md's Java example differs from "
                + "ReadmeExampleTest's; copy it over:\n" + example);
    }
}
