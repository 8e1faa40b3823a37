package io.mnistspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench command end to end on the 100-image fixture: it runs, prints the table, writes the JSON. No timing is checked. */
class BenchCommandTest {
    private static final String FIXTURE = CliRunner.resource("/fixtures/mnist-first100.npz");

    @TempDir
    Path tmp;

    @AfterAll
    static void restore() {
        CliRunner.restoreSession();
    }

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
    void helpListsTheOptions() {
        CliRunner run = CliRunner.run("bench", "--help");
        assertEquals(0, run.exitCode, run.err);
        assertTrue(run.out.contains("--skip-mllib") && run.out.contains("--json"), run.out);
    }

    @Test
    void badSettingsExitWithCode2() {
        for (String[] args : new String[][] {{"--steps", "0"}, {"--warmup", "-1"}, {"--round-steps", "1"}, {"--mllib-block-size", "0"},
                {"--mllib-repeats", "0"}, {"--dense-chunk-rows", "0"},
                {"--mllib-iterations", "2"}}) {
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
