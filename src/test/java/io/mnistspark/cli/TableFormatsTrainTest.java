package io.mnistspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mnistspark.Histories;
import io.mnistspark.SparkTestSession;
import io.mnistspark.data.Part;
import io.mnistspark.report.HistoryParquet;
import io.mnistspark.train.StepRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * LIBSVM, CSV and Parquet exports of the npz fixture, read through Spark's own readers by {@code train --data},
 * train to the npz run's history bit for bit (same split, same partition ranges, same blocks), and test to
 * its accuracy and confusion matrix when given {@code --test-data}.
 */
@ExtendWith(RestoresSession.class)
class TableFormatsTrainTest {
    private static final String[] SETTINGS = {"--steps", "5", "--partitions", "3", "--print-every", "5",
        "--optimizer", "adam", "--init", "normal"};

    @TempDir
    Path tmp;

    @Test
    void libsvmCsvAndParquetExportsGiveTheNpzRunsHistoryBitForBit() throws IOException {
        Path parquetTrain = tmp.resolve("train.parquet");
        Path parquetTest = tmp.resolve("test.parquet");
        TableExports.writeParquet(SparkTestSession.get(), Part.TRAIN, parquetTrain.toString());
        TableExports.writeParquet(SparkTestSession.get(), Part.TEST, parquetTest.toString());

        Path reference = train("npz", TableExports.NPZ);
        Path[] runs = {
            train("libsvm", TableExports.LIBSVM_TRAIN, "--test-data", TableExports.LIBSVM_TEST, "--num-features", "784"),
            train("csv", TableExports.CSV_TRAIN, "--test-data", TableExports.CSV_TEST),
            train("parquet", parquetTrain.toString(), "--test-data", parquetTest.toString()),
        };
        List<StepRecord> expected = history(reference);
        JsonNode expectedRun = summaryRun(reference);
        assertEquals(5, expected.size());
        for (Path run : runs) {
            assertEquals(expected, history(run), run.toString());
            JsonNode actual = summaryRun(run);
            assertEquals(expectedRun.path("test_accuracy"), actual.path("test_accuracy"), run.toString());
            assertEquals(expectedRun.path("confusion_matrix"), actual.path("confusion_matrix"), run.toString());
            assertEquals(expectedRun.path("data").path("test_records"), actual.path("data").path("test_records"));
            assertEquals(List.of(28, 28), List.of(actual.path("data").path("image_rows").asInt(),
                    actual.path("data").path("image_cols").asInt()));
        }
        // evaluate reads the test rows of --test-data
        CliRunner evaluate = CliRunner.run("evaluate", "--model", runs[0].resolve("model").toString(), "--data",
                TableExports.LIBSVM_TRAIN, "--test-data", TableExports.LIBSVM_TEST, "--num-features", "784");
        assertEquals(0, evaluate.exitCode, evaluate.err);
        assertTrue(evaluate.out.contains("Test accuracy: " + expectedRun.path("test_accuracy").asDouble() + " on 50 "
                + "test images"), evaluate.out);
        // Spark's part files, listed in name order with their sizes and hashes
        JsonNode files = summaryRun(runs[2]).path("data").path("files");
        assertEquals(6, files.size(), files.toString());
        assertTrue(files.get(0).path("name").asText().startsWith("train.parquet/part-00000"), files.toString());
        assertTrue(files.get(3).path("name").asText().startsWith("test.parquet/part-00000"), files.toString());
    }

    private Path train(String name, String data, String... more) {
        Path out = tmp.resolve(name);
        List<String> args = new ArrayList<>(List.of("train", "--data", data, "--out", out.toString()));
        args.addAll(List.of(SETTINGS));
        args.addAll(List.of(more));
        CliRunner run = CliRunner.run(args.toArray(String[]::new));
        assertEquals(0, run.exitCode, run.err);
        assertTrue(run.out.contains("Test accuracy: "), run.out);
        return out;
    }

    private static List<StepRecord> history(Path run) {
        return Histories.withoutTimes(HistoryParquet.read(SparkTestSession.get(),
                run.resolve("history.parquet").toString(), "adam-normal"));
    }

    private static JsonNode summaryRun(Path run) throws IOException {
        return new ObjectMapper().readTree(Files.readString(run.resolve("summary.json"))).path("runs").get(0);
    }
}
