package io.mnistspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14's target: {@code train --optimizer lbfgs --early-stopping --patience 5 --restore-best} on the
 * embedded MNIST ends with test accuracy at least 0.975. Nothing in the command names a penalty: lbfgs's
 * default L2 weight (3e-4) is what gives its early-stopped model the accuracy (without one it was 0.9737).
 */
@ExtendWith(RestoresSession.class)
class LbfgsAccuracyTest {
    @TempDir
    Path tmp;

    @Test
    void theIssuesCommandReaches0975TestAccuracyWithTheBestStepRestored() throws IOException {
        Path out = tmp.resolve("lbfgs");
        CliRunner run = CliRunner.run("train", "--optimizer", "lbfgs", "--early-stopping", "--patience", "5",
                "--restore-best", "--out", out.toString());
        assertEquals(ExitCode.OK, run.exitCode, run.err);
        assertTrue(run.out.contains("lbfgs memory 10 (line search, no learning rate), L2 penalty 0.0003"), run.out);
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).path("runs").get(0);
        assertEquals(3e-4, summary.path("settings").path("reg_param").asDouble());
        assertTrue(summary.path("stopped_early").asBoolean(), summary.toString());
        assertEquals(summary.path("steps").asInt() - 5, summary.path("best_step").asInt(), summary.toString());
        double accuracy = summary.path("test_accuracy").asDouble();
        assertTrue(accuracy >= 0.975, "test accuracy " + accuracy);
    }
}
