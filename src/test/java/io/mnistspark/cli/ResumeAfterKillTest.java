package io.mnistspark.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mnistspark.Histories;
import io.mnistspark.SparkTestSession;
import io.mnistspark.report.HistoryParquet;
import io.mnistspark.train.StepRecord;
import java.io.IOException;
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
 * A training process killed with SIGKILL in the middle and resumed from its checkpoint ends with the very
 * history and model of a run that was never interrupted.
 */
@ExtendWith(RestoresSession.class)
class ResumeAfterKillTest {
    private static final String FIXTURE = CliRunner.resource("/fixtures/mnist-first100.npz");
    private static final String[] SETTINGS = {"--data", FIXTURE, "--steps", "150", "--hidden", "16",
        "--optimizer", "adam", "--init", "normal", "--partitions", "2", "--print-every", "50"};

    @TempDir
    Path tmp;

    @Test
    void killedWithSigkillAndResumedGivesTheUninterruptedResultBitForBit() throws Exception {
        Path killed = tmp.resolve("killed");
        Process process = startTraining(killed);
        int checkpointStep;
        try {
            checkpointStep = waitForCheckpoint(killed, 40, process);
            assertTrue(process.isAlive(), "the run ended before it could be killed");
            process.destroyForcibly();   // SIGKILL: no shutdown hooks, no cleanup
            assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        } finally {
            process.destroyForcibly();
        }
        assertFalse(Files.exists(killed.resolve("summary.json")), "a killed run must not look complete");

        CliRunner refused = CliRunner.run(concat(new String[] {"train", "--out", killed.toString()}, SETTINGS));
        assertEquals(ExitCode.BAD_OUTPUT, refused.exitCode, refused.err);
        assertTrue(refused.err.contains("--resume"), refused.err);

        CliRunner resumed = CliRunner.run("train", "--resume", killed.toString());
        assertEquals(0, resumed.exitCode, resumed.err);
        assertTrue(resumed.out.contains("continuing after step"), resumed.out);

        Path straight = tmp.resolve("straight");
        CliRunner uninterrupted = CliRunner.run(concat(new String[] {"train", "--out", straight.toString()}, SETTINGS));
        assertEquals(0, uninterrupted.exitCode, uninterrupted.err);

        List<StepRecord> a = Histories.withoutTimes(read(killed));
        List<StepRecord> b = Histories.withoutTimes(read(straight));
        assertEquals(150, a.size());
        assertEquals(b, a);
        for (String array : new String[] {"W1.npy", "b1.npy", "W2.npy", "b2.npy"}) {
            assertArrayEquals(Files.readAllBytes(straight.resolve("model").resolve(array)),
                    Files.readAllBytes(killed.resolve("model").resolve(array)), array);
        }
        try (Stream<Path> files = Files.list(killed)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith("checkpoint-")),
                    "checkpoints are removed once the run is complete");
        }
        assertTrue(checkpointStep >= 40);
    }

    @Test
    void resumeTakesNoOtherSettingsAndNeedsACheckpoint() throws IOException {
        CliRunner extra = CliRunner.run("train", "--resume", tmp.toString(), "--steps", "5");
        assertEquals(ExitCode.USAGE, extra.exitCode, extra.err);
        Path empty = Files.createDirectories(tmp.resolve("no-checkpoint"));
        Files.writeString(empty.resolve("notes.txt"), "not a run");
        CliRunner none = CliRunner.run("train", "--resume", empty.toString());
        assertEquals(ExitCode.BAD_OUTPUT, none.exitCode, none.err);
        assertTrue(none.err.contains("no checkpoint"), none.err);
    }

    private static Process startTraining(Path out) throws IOException {
        List<String> args = new ArrayList<>(List.of("train", "--out", out.toString(), "--checkpoint-every", "10"));
        args.addAll(List.of(SETTINGS));
        return ChildJob.start(Path.of(out + ".log"), List.of(), args);
    }

    /** Waits until a checkpoint at step {@code minStep} or later exists; returns its step. */
    private static int waitForCheckpoint(Path dir, int minStep, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    int step = files.map(f -> f.getFileName().toString())
                            .filter(n -> n.startsWith("checkpoint-"))
                            .mapToInt(n -> Integer.parseInt(n.substring(n.lastIndexOf('-') + 1)))
                            .max().orElse(0);
                    if (step >= minStep) {
                        return step;
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no checkpoint at step " + minStep + " appeared; process log: "
                + Files.readString(Path.of(dir + ".log")));
    }

    private static List<StepRecord> read(Path run) {
        return HistoryParquet.read(SparkTestSession.get(), run.resolve("history.parquet").toString(), "adam-normal");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
