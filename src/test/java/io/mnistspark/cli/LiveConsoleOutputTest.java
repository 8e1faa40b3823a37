package io.mnistspark.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real entry point prints through picocli's writers on {@code System.out}, which buffer: each progress
 * line must still reach the console as the run trains, not when the JVM ends or a buffer fills. A run far too
 * long to finish, printing every 100 steps (a few lines, far from filling a buffer), is watched until its
 * second progress line is in the log, and must still be training then. With the writer's flushes removed
 * (a scratch change) the line did not show.
 */
class LiveConsoleOutputTest {
    private static final String FIXTURE = CliRunner.resource("/fixtures/mnist-first100.npz");

    @TempDir
    Path tmp;

    @Test
    void progressLinesAppearWhileTheRunTrains() throws Exception {
        Path log = tmp.resolve("train.log");
        Process process = ChildJob.start(log, List.of(), List.of("train", "--data", FIXTURE, "--steps", "1000000",
                "--hidden", "4", "--partitions", "2", "--print-every", "100", "--out", tmp.resolve("run").toString()));
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            String printed = "";
            while (System.nanoTime() < deadline && process.isAlive() && !printed.contains("Step: 200 Train loss: ")) {
                Thread.sleep(50);
                printed = Files.readString(log);
            }
            assertTrue(printed.contains("Step: 200 Train loss: "), "no second progress line (step 200) in 120 s: " + printed);
            assertTrue(process.isAlive(), "the lines must show while the run trains, not only at its end: " + printed);
            assertTrue(printed.indexOf("Data: ") < printed.indexOf("Step: 100 Train loss: "), printed);
        } finally {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
