package io.mnistspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mnistspark.SparkTestSession;
import io.mnistspark.ml.MlpClassificationModel;
import io.mnistspark.model.ModelFiles;
import io.mnistspark.model.SavedModel;
import io.mnistspark.report.HistoryParquet;
import io.mnistspark.train.StepRecord;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The train and evaluate commands end to end on the numpy-written 100-image fixture. */
@ExtendWith(RestoresSession.class)
class TrainCommandTest {
    private static final String FIXTURE = CliRunner.resource("/fixtures/mnist-first100.npz");

    @TempDir
    Path tmp;

    @Test
    void trainWritesHistorySummaryAndAModelThatEvaluatesTheSame() throws IOException {
        Path out = tmp.resolve("run");
        CliRunner run = CliRunner.run("train", "--data", FIXTURE, "--steps", "7", "--print-every", "5",
                "--optimizer", "adam", "--init", "normal", "--out", out.toString(), "--partitions", "2");
        assertEquals(0, run.exitCode, run.err);
        assertTrue(run.out.contains("Step: 5 Train loss: "), run.out);
        assertTrue(Files.exists(out.resolve("summary.json")));
        assertTrue(Files.exists(out.resolve("model/W1.npy")));
        assertTrue(Files.exists(out.resolve("confusion-adam-normal.csv")));
        // no staging directory is left beside the output
        try (var siblings = Files.list(tmp)) {
            assertEquals(List.of(out), siblings.toList());
        }

        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        JsonNode runNode = summary.path("runs").get(0);
        assertEquals("adam-normal", runNode.path("name").asText());
        assertEquals(7, runNode.path("steps").asInt());
        assertEquals(80, runNode.path("data").path("train_records").asInt());
        assertEquals(20, runNode.path("data").path("validation_records").asInt());
        assertEquals(4, runNode.path("data").path("files").size());

        List<StepRecord> history = HistoryParquet.read(SparkTestSession.get(),
                out.resolve("history.parquet").toString(), "adam-normal");
        assertEquals(7, history.size());
        assertEquals(1, history.get(0).step());
        assertEquals(runNode.path("final_val_loss").asDouble(), history.get(6).valLoss(), 0.0);
        assertEquals(runNode.path("final_train_loss").asDouble(), history.get(6).trainLoss(), 0.0);

        CliRunner evaluate = CliRunner.run("evaluate", "--model", out.resolve("model").toString(), "--data", FIXTURE);
        assertEquals(0, evaluate.exitCode, evaluate.err);
        Matcher accuracy = Pattern.compile("Test accuracy: ([0-9.]+)").matcher(evaluate.out);
        assertTrue(accuracy.find(), evaluate.out);
        assertEquals(runNode.path("test_accuracy").asDouble(), Double.parseDouble(accuracy.group(1)), 0.0);

        // the same network saved as a Spark ML model evaluates the same
        SavedModel saved = ModelFiles.load(out.resolve("model").toString(), new Configuration());
        Path sparkModel = tmp.resolve("spark-model");
        new MlpClassificationModel("mlpc_saved", saved.shape(), saved.params()).write().save(sparkModel.toString());
        CliRunner sparkEvaluate = CliRunner.run("evaluate", "--model", sparkModel.toString(), "--data", FIXTURE);
        assertEquals(0, sparkEvaluate.exitCode, sparkEvaluate.err);
        assertEquals(evaluate.out.replace(out.resolve("model").toString(), "M"),
                sparkEvaluate.out.replace(sparkModel.toString(), "M"));
    }

    @Test
    void badSettingsExitWithCode2BeforeAnythingIsWritten() {
        Path out = tmp.resolve("never");
        String[][] cases = {
            {"--learning-rate", "0"},
            {"--learning-rate", "-1"},
            {"--steps", "0"},
            {"--val-fraction", "1.5"},
            {"--val-fraction", "0"},
            {"--hidden", "0"},
            {"--optimizer", "rmsprop"},
            {"--optimizer", "lbfgs", "--lbfgs-memory", "0"},
            {"--lbfgs-memory", "4"},
            {"--init", "uniform"},
            {"--early-stopping", "--patience", "-1"},
            {"--patience", "3"},
            {"--steps", "ten"},
            {"--learning-rate", "1e300"},
            {"--hyperparameter-dtype", "float16"},
            {"--checkpoint-every", "-1"},
        };
        for (String[] bad : cases) {
            String[] args = new String[bad.length + 3];
            args[0] = "train";
            System.arraycopy(bad, 0, args, 1, bad.length);
            args[bad.length + 1] = "--out";
            args[bad.length + 2] = out.toString();
            CliRunner run = CliRunner.run(args);
            assertEquals(2, run.exitCode, String.join(" ", bad) + " -> " + run.err);
            assertEquals(1, run.err.strip().lines().filter(l -> l.startsWith("error")).count(), run.err);
            assertFalse(new File(out.toString()).exists(), "nothing may be written for " + String.join(" ", bad));
        }
    }

    @Test
    void aNonEmptyOutputDirectoryIsRefusedUnlessOverwrite() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("taken"));
        Files.writeString(out.resolve("keep.txt"), "earlier run");
        CliRunner run = CliRunner.run("train", "--data", FIXTURE, "--steps", "1", "--out", out.toString());
        assertEquals(4, run.exitCode, run.err);
        assertTrue(run.err.contains("--overwrite"), run.err);
        assertTrue(Files.exists(out.resolve("keep.txt")));
    }

    @Test
    void badDataExitsWithCode3AndOneLine() throws IOException {
        Path broken = tmp.resolve("broken.npz");
        Files.write(broken, new byte[] {'P', 'K', 3, 4, 0, 0});
        CliRunner run = CliRunner.run("train", "--data", broken.toString(), "--steps", "1",
                "--out", tmp.resolve("out").toString());
        assertEquals(3, run.exitCode, run.err);
        assertTrue(run.err.lines().anyMatch(l -> l.startsWith("data error: ") && l.contains("broken.npz")), run.err);
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void aDivergingRunStopsAtTheStepKeepsItsHistoryAndExitsWith1() throws IOException {
        Path out = tmp.resolve("diverged");
        CliRunner run = CliRunner.run("train", "--data", FIXTURE, "--steps", "20", "--optimizer", "sgd",
                "--learning-rate", "1e300", "--hyperparameter-dtype", "float64", "--out", out.toString());
        assertEquals(ExitCode.FAILED, run.exitCode, run.err);
        assertTrue(run.out.contains("training diverged"), run.out);
        JsonNode runNode = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).path("runs").get(0);
        assertTrue(runNode.path("diverged").asBoolean());
        int at = runNode.path("diverged_at_step").asInt();
        assertTrue(at >= 1 && at <= 20, "diverged at step " + at);
        assertEquals(at - 1, runNode.path("steps").asInt());
        assertTrue(runNode.path("test_accuracy").isNull());
    }
}
