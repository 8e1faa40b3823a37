package io.mnistspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The options of the table formats: {@code --format}, {@code --test-data}, {@code --num-features}; what
 * {@code data} prints for a table, and a run without test data.
 */
@ExtendWith(RestoresSession.class)
class TableOptionsTest {
    @TempDir
    Path tmp;

    @Test
    void optionsThatDoNotGoTogetherAreRefusedBeforeSparkStarts() {
        Path out = tmp.resolve("never");
        Refusals.refused(ExitCode.USAGE, out, TableExports.NPZ, List.of("--test-data", TableExports.CSV_TEST),
                "--test-data applies to LIBSVM, CSV and Parquet data; an .npz archive holds its own test part");
        Refusals.refused(ExitCode.USAGE, out, "embedded", List.of("--num-features", "784"),
                "--num-features applies to LIBSVM data only, not to the embedded MNIST");
        Refusals.refused(ExitCode.USAGE, out, TableExports.CSV_TRAIN, List.of("--num-features", "784"),
                "--num-features applies to LIBSVM data only; CSV rows carry their own length");
        Refusals.refused(ExitCode.USAGE, out, TableExports.LIBSVM_TRAIN, List.of("--num-features", "-1"),
                "--num-features must be in [1, 16777216] (or 0 to infer it), got -1");
        Refusals.refused(ExitCode.USAGE, out, TableExports.CSV_TRAIN, List.of("--format", "tsv"),
                "--format must be one of libsvm, csv, parquet, got 'tsv'");
        Refusals.refused(ExitCode.USAGE, out, "embedded", List.of("--format", "csv"),
                "--format csv needs --data naming the training file");
        CliRunner evaluate = CliRunner.run("evaluate", "--model", tmp.resolve("model").toString(),
                "--data", TableExports.CSV_TRAIN);
        assertEquals(ExitCode.USAGE, evaluate.exitCode, evaluate.err);
        assertTrue(evaluate.err.contains("evaluate needs test rows: " + TableExports.CSV_TRAIN
                + " (CSV; no test data) is training data only; give --test-data"), evaluate.err);
    }

    @Test
    void withoutTestDataARunIsNotTestedAndSaysSo() throws IOException {
        Path out = tmp.resolve("untested");
        CliRunner run = CliRunner.run("train", "--data", TableExports.CSV_TRAIN, "--steps", "2", "--partitions", "2",
                "--out", out.toString());
        assertEquals(0, run.exitCode, run.err);
        assertTrue(run.out.contains("(CSV; no test data), 80 train / 20 validation / 0 test images of 28x28"), run.out);
        assertTrue(run.out.contains("Run adam-normal not tested: the data has no test rows (give --test-data"),
                run.out);
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).path("runs").get(0);
        assertTrue(summary.path("test_accuracy").isNull());
        assertTrue(summary.path("confusion_matrix").isNull());
        assertEquals(0, summary.path("data").path("test_records").asInt());
        assertEquals(1, summary.path("data").path("files").size());
        assertFalse(Files.exists(out.resolve("confusion-adam-normal.csv")));
        assertTrue(Files.exists(out.resolve("model/W1.npy")));
        assertTrue(Files.readString(out.resolve("report.md")).contains("was not tested: the data has no test rows"));
    }

    @Test
    void dataDescribesTheExportsAsTheNpzAndListsTheirFiles() throws IOException, NoSuchAlgorithmException {
        JsonNode npz = describe(TableExports.NPZ);
        Path renamed = Files.copy(Path.of(TableExports.CSV_TRAIN), tmp.resolve("digits.txt"));
        JsonNode[] tables = {
            describe(TableExports.CSV_TRAIN, "--test-data", TableExports.CSV_TEST),
            describe(renamed.toString(), "--format", "csv", "--test-data", TableExports.CSV_TEST),
            describe(TableExports.LIBSVM_TRAIN, "--test-data", TableExports.LIBSVM_TEST, "--num-features", "784"),
        };
        for (JsonNode table : tables) {
            for (String field : new String[] {"image_shape", "classes", "records", "label_histograms", "partitions"}) {
                assertEquals(npz.path(field), table.path(field), field);
            }
            assertEquals(npz.path("nonzero_pixel_fraction").asDouble(), table.path("nonzero_pixel_fraction").asDouble(),
                    0.0);
            assertEquals(2, table.path("files").size());
        }
        JsonNode file = tables[0].path("files").get(1);
        assertEquals("mnist-first100-test.csv", file.path("name").asText());
        byte[] bytes = Files.readAllBytes(Path.of(TableExports.CSV_TEST));
        assertEquals(bytes.length, file.path("bytes").asLong());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)),
                file.path("sha256").asText());
        assertTrue(tables[1].path("location").asText().endsWith("digits.txt (CSV; test data "
                + TableExports.CSV_TEST + ")"), tables[1].path("location").asText());
    }

    private static JsonNode describe(String data, String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("data", "--data", data, "--partitions", "3"));
        args.addAll(List.of(more));
        CliRunner run = CliRunner.run(args.toArray(String[]::new));
        assertEquals(0, run.exitCode, run.err);
        return new ObjectMapper().readTree(run.out);
    }
}
