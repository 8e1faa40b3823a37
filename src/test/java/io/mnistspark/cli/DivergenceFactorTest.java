package io.mnistspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mnistspark.Histories;
import io.mnistspark.SparkTestSession;
import io.mnistspark.numpy.PythonRepr;
import io.mnistspark.report.HistoryParquet;
import io.mnistspark.train.StepRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16's run, SGD at learning rate 1000 from the normal initialisation on the embedded MNIST: its loss
 * stays finite while it explodes. With the default factor the run stops at the first step whose training loss
 * is above 10 times step 1's, found here in the history of the same run with the check off.
 */
@ExtendWith(RestoresSession.class)
class DivergenceFactorTest {
    private static final String[] ISSUE_RUN = {"train", "--optimizer", "sgd", "--learning-rate", "1000", "--init",
        "normal", "--steps", "50"};

    @TempDir
    Path tmp;

    @Test
    void theExplodingRunStopsAtTheFirstStepAboveTenTimesItsFirstLossAndExitsWith1() throws IOException {
        Path free = tmp.resolve("unchecked");
        CliRunner unchecked = CliRunner.run(args(free, "--divergence-factor", "0"));
        assertEquals(ExitCode.OK, unchecked.exitCode, unchecked.err);
        List<StepRecord> full = history(free);
        assertEquals(50, full.size());
        double first = full.get(0).trainLoss();
        // the issue's figures: 2.57 at the start, 487.9 by the end, never infinite
        assertEquals(2.57, first, 0.005);
        assertEquals(487.9, full.get(49).trainLoss(), 0.05);
        int expected = 1;
        while (!(full.get(expected - 1).trainLoss() > 10 * first)) {
            expected++;
        }
        double explodedLoss = full.get(expected - 1).trainLoss();

        Path out = tmp.resolve("checked");
        CliRunner run = CliRunner.run(args(out));
        assertEquals(ExitCode.FAILED, run.exitCode, run.err);
        String line = "Step: " + expected + ", training diverged: the training loss " + PythonRepr.format(explodedLoss)
                + " is above 10.0 times step 1's " + PythonRepr.format(first) + " (divergence factor 10.0); stopped "
                + "before update " + expected + ". Try a smaller learning rate";
        assertTrue(run.out.contains(line), run.out);
        List<String> errors = run.err.strip().lines().toList();
        assertEquals(1, errors.size(), run.err);
        assertTrue(errors.get(0).startsWith("failed: run sgd-normal: " + line), run.err);
        assertFalse(run.err.contains("Exception"), run.err);

        List<StepRecord> kept = history(out);
        assertEquals(Histories.withoutTimes(full.subList(0, expected - 1)), Histories.withoutTimes(kept));
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).path("runs").get(0);
        assertTrue(summary.path("diverged").asBoolean());
        assertEquals(expected, summary.path("diverged_at_step").asInt());
        assertEquals(expected - 1, summary.path("steps").asInt());
        assertTrue(summary.path("divergence").asText().startsWith(line), summary.toString());
        assertEquals(10.0, summary.path("settings").path("divergence_factor").asDouble());
        assertEquals(10.0, summary.path("settings").path("params").path("divergenceFactor").asDouble());
        assertTrue(summary.path("test_accuracy").isNull());
        assertTrue(Files.exists(out.resolve("model/W1.npy")));
    }

    @Test
    void aFactorBelowOneIsRefusedBeforeSparkStarts() {
        Path out = tmp.resolve("never");
        Refusals.refused(ExitCode.USAGE, out, "embedded", List.of("--divergence-factor", "0.5"),
                "--divergence-factor must be 0 (off) or a finite number of at least 1, got 0.5");
        Refusals.refused(ExitCode.USAGE, out, "embedded", List.of("--divergence-factor", "ten"),
                "--divergence-factor: 'ten' is not a number");
    }

    private static String[] args(Path out, String... more) {
        String[] all = new String[ISSUE_RUN.length + 2 + more.length];
        System.arraycopy(ISSUE_RUN, 0, all, 0, ISSUE_RUN.length);
        all[ISSUE_RUN.length] = "--out";
        all[ISSUE_RUN.length + 1] = out.toString();
        System.arraycopy(more, 0, all, ISSUE_RUN.length + 2, more.length);
        return all;
    }

    private static List<StepRecord> history(Path run) {
        return HistoryParquet.read(SparkTestSession.get(), run.resolve("history.parquet").toString(), "sgd-normal");
    }
}
