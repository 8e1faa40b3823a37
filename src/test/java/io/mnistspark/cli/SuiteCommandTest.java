package io.mnistspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The suite command end to end on the 100-image fixture, and its refusals. */
@ExtendWith(RestoresSession.class)
class SuiteCommandTest {
    private static final String FIXTURE = CliRunner.resource("/fixtures/mnist-first100.npz");

    @TempDir
    Path tmp;

    @Test
    void twoRunsOfThreeStepsWriteHistorySummaryReportPlotsAndTheLastModel() throws Exception {
        Path out = tmp.resolve("suite");
        CliRunner run = CliRunner.run("suite", "--runs", "sgd-constant,adam-constant", "--steps", "3",
                "--print-every", "1", "--data", FIXTURE, "--partitions", "2", "--out", out.toString());
        assertEquals(0, run.exitCode, run.err);
        assertTrue(run.out.contains("[run 1/2 sgd-constant] Step: 3 Train loss: "), run.out);
        assertTrue(run.out.contains("[run 2/2 adam-constant] Step: 3 Train loss: "), run.out);

        // history.parquet as DuckDB sees it: two runs of three rows, in step order
        Map<String, Integer> rows = new LinkedHashMap<>();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = db.createStatement();
                ResultSet rs = sql.executeQuery("SELECT run, count(*), min(step), max(step) FROM read_parquet('"
                        + out.resolve("history.parquet") + "/*.parquet') GROUP BY run ORDER BY run")) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getInt(2));
                assertEquals(1, rs.getInt(3));
                assertEquals(3, rs.getInt(4));
            }
        }
        assertEquals(Map.of("adam-constant", 3, "sgd-constant", 3), rows);

        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(2, summary.path("runs").size());
        JsonNode first = summary.path("runs").get(0);
        JsonNode second = summary.path("runs").get(1);
        assertEquals("sgd-constant", first.path("name").asText());
        assertEquals("sgd", first.path("settings").path("optimizer").asText());
        assertEquals("constant", first.path("settings").path("init").asText());
        assertEquals(3, first.path("steps").asInt());
        assertEquals("adam-constant", second.path("name").asText());
        assertEquals("adam", second.path("settings").path("optimizer").asText());
        assertEquals(3, second.path("steps").asInt());

        String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.contains("| sgd-constant | SGD | constant 0.01 | 0.001 | 0.0 | 3 | 3 |"), report);
        assertTrue(report.contains("## (h) Which optimizer converges faster, SGD or Adam?"), report);
        for (String png : List.of("loss-sgd-constant.png", "loss-adam-constant.png", "confusion-sgd-constant.png",
                "confusion-adam-constant.png", "compare-optimizers.png")) {
            BufferedImage image = ImageIO.read(out.resolve("plots").resolve(png).toFile());
            assertNotNull(image, png);
            assertEquals(900, image.getWidth(), png);
            assertEquals(600, image.getHeight(), png);
        }
        assertFalse(Files.exists(out.resolve("plots/compare-initialisations.png")),
                "the two runs share their initialisation, so there is nothing to compare");

        // the saved model is the last run's, and evaluate reproduces its test accuracy
        CliRunner evaluate = CliRunner.run("evaluate", "--model", out.resolve("model").toString(), "--data", FIXTURE);
        assertEquals(0, evaluate.exitCode, evaluate.err);
        Matcher accuracy = Pattern.compile("Test accuracy: ([0-9.]+)").matcher(evaluate.out);
        assertTrue(accuracy.find(), evaluate.out);
        assertEquals(second.path("test_accuracy").asDouble(), Double.parseDouble(accuracy.group(1)), 0.0);
    }

    @Test
    void anUnknownRunNameExitsWithCode2AndListsTheKnownNames() {
        Path out = tmp.resolve("never");
        CliRunner run = CliRunner.run("suite", "--runs", "sgd-constant,rmsprop-constant", "--out", out.toString());
        assertEquals(2, run.exitCode, run.err);
        List<String> lines = run.err.strip().lines().toList();
        assertEquals(1, lines.size(), run.err);
        assertEquals("error: --runs: no run named 'rmsprop-constant' in conf/suite.properties (inside the jar); "
                + "known runs: sgd-constant, adam-constant, sgd-normal, adam-normal-early, lbfgs-normal-early", lines.get(0));
        assertFalse(Files.exists(out));
        assertFalse(run.out.contains("Suite:"), "nothing may start: " + run.out);
    }

    @Test
    void aBadOverrideExitsWithCode2NamingTheRun() {
        CliRunner run = CliRunner.run("suite", "--steps", "0", "--out", tmp.resolve("never").toString());
        assertEquals(2, run.exitCode, run.err);
        assertEquals("error: run sgd-constant: --steps must be at least 1, got 0", run.err.strip());
    }
}
