package io.mnistspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code train} processes started at the same moment with the same {@code --out}: exactly one trains, the
 * other is refused at once with exit 4 naming the directory, and a third started while the first trains is
 * refused naming the first's process.
 */
@ExtendWith(RestoresSession.class)
class TwoRunsOneDirectoryTest {
    private static final String FIXTURE = CliRunner.resource("/fixtures/mnist-first100.npz");
    private static final String STEPS = "200";

    @TempDir
    Path tmp;

    @Test
    void ofTwoRunsStartedTogetherOneTrainsAndTheOtherIsRefusedAtOnceWithExit4() throws Exception {
        Path out = tmp.resolve("shared-out");
        List<String> args = List.of("train", "--data", FIXTURE, "--steps", STEPS, "--hidden", "16", "--partitions", "2",
                "--print-every", "50", "--out", out.toString());
        Process first = ChildJob.start(tmp.resolve("first.log"), List.of(), args);
        Process second = ChildJob.start(tmp.resolve("second.log"), List.of(), args);
        List<Process> both = List.of(first, second);
        try {
            Process loser = awaitFirstExit(both, 180);
            Process winner = loser == first ? second : first;
            Path loserLog = tmp.resolve(loser == first ? "first.log" : "second.log");
            Path winnerLog = tmp.resolve(loser == first ? "second.log" : "first.log");
            String refusal = Files.readString(loserLog);
            assertEquals(ExitCode.BAD_OUTPUT, loser.exitValue(), refusal);
            assertTrue(winner.isAlive(), "the refused run ended while the other still ran; winner's log: "
                    + Files.readString(winnerLog));
            List<String> errors = refusal.lines().filter(l -> l.startsWith("output error: ")).toList();
            assertEquals(1, errors.size(), refusal);
            assertTrue(errors.get(0).contains(out.toString()), errors.get(0));
            assertTrue(errors.get(0).contains("two runs cannot write one directory"), errors.get(0));
            assertFalse(refusal.contains("Data: "), "the refused run loaded no data: " + refusal);

            // a third run while the winner trains: refused before Spark starts, naming the winner's process
            CliRunner third = CliRunner.run(args.toArray(String[]::new));
            assertTrue(winner.isAlive(), "the winner must still be training to test the third run");
            assertEquals(ExitCode.BAD_OUTPUT, third.exitCode, third.err);
            assertTrue(third.err.startsWith("output error: file:" + out + ": in use by another run (process "
                    + winner.pid() + " on "), third.err);
            assertEquals("", third.out);

            assertTrue(winner.waitFor(300, TimeUnit.SECONDS), "the winner did not finish");
            assertEquals(0, winner.exitValue(), Files.readString(winnerLog));
        } finally {
            both.forEach(Process::destroyForcibly);
        }
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(Integer.parseInt(STEPS), summary.path("runs").get(0).path("steps").asInt());
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of("confusion-adam-normal.csv", "history.parquet", "model", "plots", "report.md",
                    "summary.json"),
                    files.map(f -> f.getFileName().toString()).sorted().toList(),
                    "the winner's outputs, and neither claim nor staging left");
        }
    }

    /** Waits until one of {@code processes} ends; returns it. */
    private static Process awaitFirstExit(List<Process> processes, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            for (Process p : new ArrayList<>(processes)) {
                if (!p.isAlive()) {
                    return p;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("neither run ended within " + seconds + " s");
    }
}
