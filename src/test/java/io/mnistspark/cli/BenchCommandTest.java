package io.mnistspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The bench command end to end on the 100-image fixture: it runs, prints the table, writes the JSON. No timing is checked. */
@ExtendWith(RestoresSession.class)
class BenchCommandTest {
    private static final String FIXTURE = CliRunner.resource("/fixtures/mnist-first100.npz");

    @TempDir
    Path tmp;

    @Test
    void printsTheTableAndWritesTheFigures() throws IOException {
        Path json = tmp.resolve("bench.json");
        CliRunner run = CliRunner.run("bench", "--data", FIXTURE, "--warmup", "1", "--steps", "2", "--round-steps", "3",
                "--skip-mllib", "--partitions", "2", "--json", json.toString());
        assertEquals(0, run.exitCode, run.err);
        for (String expected : new String[] {"job step: Trainer loop on Spark", "kernel alone, 2 threads",
                "kernel alone, 1 thread", "outside the kernel", "Spark's floor: the step's job",
                "outside the kernel / Spark's floor", "job step, 90th percentile / median", "dense float64 dgemm step, 2 threads",
                "dense dgemm step / job step", "Memory of the persisted train, validation and test blocks",
                "80 train + 20 validation rows"}) {
            assertTrue(run.out.contains(expected), "missing '" + expected + "' in\n" + run.out);
        }
        assertFalse(run.out.contains("MLlib MLP"), run.out);
        assertTrue(run.err.contains("[bench] job step loop on Spark"), run.err);

        JsonNode figures = new ObjectMapper().readTree(json.toFile());
        // 2 rounds of 3 job steps: the 2 steps of each round not right after the driver-side passes are timed,
        // and each driver-side series runs once per round
        assertEquals(4, figures.path("job_step").path("seconds").size());
        assertEquals(4, figures.path("setup").path("timed_job_steps").asInt());
        assertEquals(2, figures.path("kernel").path("parallel").path("seconds").size());
        assertEquals(2, figures.path("kernel").path("threads").asInt());
        // Spark's floor runs once a round, like the driver-side series
        assertEquals(2, figures.path("spark_floor").path("seconds").size());
        double floor = figures.path("spark_floor").path("median_seconds").asDouble();
        double outside = figures.path("job_step").path("median_seconds").asDouble()
                - figures.path("kernel").path("parallel").path("median_seconds").asDouble();
        assertTrue(floor > 0, figures.toString());
        assertEquals(outside, figures.path("outside_kernel_seconds").asDouble(), 1e-12);
        assertEquals(outside / floor, figures.path("outside_kernel_over_spark_floor").asDouble(), 1e-9);
        assertTrue(figures.path("job_step").path("p90_over_median").asDouble() >= 1.0, figures.toString());
        assertTrue(figures.path("kernel").path("parallel").path("p90_over_median").asDouble() >= 1.0, figures.toString());
        // the kernel timed on the driver does exactly the Spark pass's arithmetic, in the same order
        assertEquals(0.0, figures.path("kernel").path("difference_from_spark_pass").asDouble());
        assertTrue(figures.path("dense_dgemm").path("difference_from_kernel").asDouble() < 1e-12, figures.toString());
        assertEquals(150L * 784 * 8, figures.path("memory").path("dense_float64_bytes").asLong());
        assertTrue(figures.path("memory").path("block_bytes").asLong() > 0);
        assertTrue(figures.path("memory").path("spark_storage_bytes").asLong() > 0);
        assertFalse(figures.has("mllib_mlp_gd"));
        assertTrue(figures.path("load").path("seconds").asDouble() > 0, figures.toString());
        assertTrue(figures.path("driver_memory").path("heap_live_bytes").asLong() > 0, figures.toString());
        // on Linux the resident peak only grows: once loaded <= at the end of the steps
        assertTrue(figures.path("load").path("resident_peak_bytes").asLong()
                <= figures.path("driver_memory").path("resident_peak_bytes").asLong(), figures.toString());
        assertTrue(run.out.contains("loading took"), run.out);
    }

    @Test
    void mllibIsTimedOnTheSameRows() throws IOException {
        Path json = tmp.resolve("mllib.json");
        CliRunner run = CliRunner.run("bench", "--data", FIXTURE, "--warmup", "0", "--steps", "1", "--skip-dense",
                "--mllib-repeats", "1", "--mllib-block-size", "16", "--mllib-iterations", "4", "--json", json.toString());
        assertEquals(0, run.exitCode, run.err);
        assertTrue(run.out.contains("MLlib MLP gd, one iteration (in a 4-iteration fit)"), run.out);
        assertTrue(run.out.contains("MLlib MLP gd, fit(2) - fit(1), medians"), run.out);
        JsonNode mllib = new ObjectMapper().readTree(json.toFile()).path("mllib_mlp_gd");
        assertEquals(80, mllib.path("rows").asInt());
        assertEquals(16, mllib.path("block_size").asInt());
        // 4 iterations: at least 3 intervals between their gradient jobs, the first dropped as warm-up
        assertTrue(mllib.path("iteration").path("seconds").size() >= 2, mllib.toString());
    }

    @Test
    void timeToAccuracyRacesTheFourContendersAndWritesSecondsOrNull() throws IOException {
        Path json = tmp.resolve("tta.json");
        // the 100-image fixture, 80 training rows: small budgets, a low target
        CliRunner run = CliRunner.run("bench", "--data", FIXTURE, "--partitions", "2", "--time-to-accuracy", "0.3",
                "--tta-check-every", "2", "--tta-max-steps", "40", "--tta-mllib-max-iter", "8",
                "--tta-mllib-resolution", "2", "--mllib-block-size", "16", "--json", json.toString());
        assertEquals(0, run.exitCode, run.err);
        assertTrue(run.out.contains("Time to test accuracy 0.3000"), run.out);
        JsonNode figures = new ObjectMapper().readTree(json.toFile());
        JsonNode seconds = figures.path("time_to_accuracy");
        java.util.List<String> contenders = new java.util.ArrayList<>();
        seconds.fieldNames().forEachRemaining(contenders::add);
        assertEquals(java.util.List.of("adam", "lbfgs", "mllib_lbfgs", "mllib_gd"), contenders);
        for (String contender : new String[] {"adam", "lbfgs", "mllib_lbfgs", "mllib_gd"}) {
            JsonNode value = seconds.path(contender);
            JsonNode detail = figures.path("time_to_accuracy_details").path(contender);
            assertTrue(value.isNull() || value.asDouble() >= 0.0, contender + ": " + value);
            // reached means its last measured test accuracy is at least the target, and the other way round
            assertEquals(!value.isNull(), detail.path("test_accuracy").asDouble() >= 0.3, contender + ": " + detail);
        }
        // L-BFGS on 80 images passes 30% test accuracy within 40 iterations, checked every 2
        assertFalse(seconds.path("lbfgs").isNull(), figures.toString());
        assertEquals(0, figures.path("time_to_accuracy_details").path("lbfgs").path("steps").asInt() % 2);
        assertEquals(0.3, figures.path("setup").path("target_accuracy").asDouble());
    }

    @Test
    void helpListsTheOptions() {
        CliRunner run = CliRunner.run("bench", "--help");
        assertEquals(0, run.exitCode, run.err);
        assertTrue(run.out.contains("--skip-mllib") && run.out.contains("--json"), run.out);
    }

    @Test
    void badSettingsExitWithCode2() {
        for (String[] args : new String[][] {{"--steps", "0"}, {"--warmup", "-1"}, {"--round-steps", "1"}, {"--mllib-block-size", "0"},
                {"--mllib-repeats", "0"}, {"--dense-chunk-rows", "0"},
                {"--mllib-iterations", "2"}, {"--time-to-accuracy", "1.5"}, {"--time-to-accuracy", "0"},
                {"--time-to-accuracy", "--tta-check-every", "0"}, {"--time-to-accuracy", "--tta-mllib-max-iter", "0"}}) {
            String[] full = new String[args.length + 3];
            full[0] = "bench";
            full[1] = "--data";
            full[2] = FIXTURE;
            System.arraycopy(args, 0, full, 3, args.length);
            CliRunner run = CliRunner.run(full);
            assertEquals(ExitCode.USAGE, run.exitCode, String.join(" ", args) + ": " + run.err);
        }
    }
}
