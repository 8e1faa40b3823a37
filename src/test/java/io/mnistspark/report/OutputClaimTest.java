package io.mnistspark.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output directory claim on a local disk: one winner among simultaneous claims, stale claims, refusals. */
class OutputClaimTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void ofEightClaimsStartedTogetherExactlyOneWinsAndTheOthersNameTheDirectory() throws Exception {
        Path out = tmp.resolve("runs").resolve("a");
        List<Object> results = claimTogether(8, out.toString(), new Configuration());
        List<OutputClaim> winners = results.stream().filter(r -> r instanceof OutputClaim).map(r -> (OutputClaim) r)
                .toList();
        assertEquals(1, winners.size(), results.toString());
        for (Object r : results) {
            if (r instanceof OutputException e) {
                assertTrue(e.getMessage().startsWith("file:" + out + ": "), e.getMessage());
                assertTrue(e.getMessage().contains("two runs cannot write one directory"), e.getMessage());
            } else {
                assertTrue(r instanceof OutputClaim, "neither a claim nor a refusal: " + r);
            }
        }
        OutputClaim claim = winners.get(0);
        assertEquals(List.of(".claim-1"), names(out));
        JsonNode owner = JSON.readTree(out.resolve(".claim-1").toFile());
        assertEquals(ProcessHandle.current().pid(), owner.path("pid").asLong());
        assertEquals(InetAddress.getLocalHost().getHostName(), owner.path("host").asText());
        // its own claim does not make the directory unusable to the run holding it
        RunDirectory.check(out.toString(), RunDirectory.Mode.NEW, new Configuration());
        claim.release();
        // the directory stays only if another thread's mkdirs made it (the winner did not create it)
        assertTrue(!Files.exists(out) || names(out).isEmpty(), "a released claim leaves no file behind");

        Path alone = tmp.resolve("runs").resolve("b");
        RunDirectory.claim(alone.toString(), RunDirectory.Mode.NEW, new Configuration()).release();
        assertFalse(Files.exists(alone), "a claim that made the directory removes it when nothing else is in it");
        assertTrue(Files.isDirectory(tmp.resolve("runs")));
    }

    @Test
    void aClaimLeftByAProcessThatIsGoneIsTakenOverAndReplaced() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("crashed"));
        Process gone = new ProcessBuilder("true").start();
        assertEquals(0, gone.waitFor());
        writeClaim(out.resolve(".claim-3"), InetAddress.getLocalHost().getHostName(), gone.pid());
        Files.writeString(out.resolve("checkpoint-00-00000010"), "state");
        try (OutputClaim claim = RunDirectory.claim(out.toString(), RunDirectory.Mode.RESUME, new Configuration())) {
            assertEquals(List.of(".claim-4", "checkpoint-00-00000010"), names(out));
            assertEquals(ProcessHandle.current().pid(),
                    JSON.readTree(out.resolve(".claim-4").toFile()).path("pid").asLong());
        }
        assertEquals(List.of("checkpoint-00-00000010"), names(out), "checkpoints stay for --resume");
    }

    @Test
    void aClaimHeldByALiveProcessOrBeingWrittenIsRefusedWithWhatToDo() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("busy"));
        Path claimFile = out.resolve(".claim-1");
        writeClaim(claimFile, InetAddress.getLocalHost().getHostName(), ProcessHandle.current().pid());
        for (RunDirectory.Mode mode : RunDirectory.Mode.values()) {
            OutputException e = assertThrows(OutputException.class,
                    () -> RunDirectory.claim(out.toString(), mode, new Configuration()));
            assertEquals("file:" + out + ": in use by another run (process " + ProcessHandle.current().pid() + " on "
                    + InetAddress.getLocalHost().getHostName() + ", started 2026-12-02T07:00:00Z); two runs cannot "
                    + "write one directory: wait for it to end or choose another --out (if that run is gone, delete "
                    + "file:" + claimFile + " and try again)", e.getMessage());
            assertThrows(OutputException.class, () -> RunDirectory.check(out.toString(), mode, new Configuration()));
        }
        writeClaim(claimFile, "another-host.example", 1);
        OutputException e = assertThrows(OutputException.class,
                () -> RunDirectory.claim(out.toString(), RunDirectory.Mode.OVERWRITE, new Configuration()));
        assertTrue(e.getMessage().contains("(process 1 on another-host.example, started"), e.getMessage());
        Files.write(claimFile, new byte[0]);
        e = assertThrows(OutputException.class,
                () -> RunDirectory.claim(out.toString(), RunDirectory.Mode.NEW, new Configuration()));
        assertTrue(e.getMessage().contains("in use by another run (a run that is starting now)"), e.getMessage());
        assertEquals(List.of(".claim-1"), names(out), "a refused claim changes nothing");
    }

    @Test
    void overwriteReplacesAFinishedRunButKeepsItsOwnClaim() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("finished"));
        Files.writeString(out.resolve("summary.json"), "{}");
        Files.createDirectories(out.resolve("model"));
        OutputException e = assertThrows(OutputException.class,
                () -> RunDirectory.claim(out.toString(), RunDirectory.Mode.NEW, new Configuration()));
        assertTrue(e.getMessage().contains("already holds a finished run"), e.getMessage());
        assertEquals(List.of("model", "summary.json"), names(out), "a refused claim leaves no claim file");
        try (OutputClaim claim = RunDirectory.claim(out.toString(), RunDirectory.Mode.OVERWRITE, new Configuration())) {
            RunDirectory.open(out.toString(), RunDirectory.Mode.OVERWRITE, new Configuration());
            assertEquals(List.of(".claim-1"), names(out));
        }
        assertFalse(Files.exists(out.resolve(".claim-1")));
    }

    /** {@code n} threads claim {@code out} at the same moment; each one's claim or refusal. */
    static List<Object> claimTogether(int n, String out, Configuration conf) throws Exception {
        CyclicBarrier start = new CyclicBarrier(n);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Callable<Object> attempt = () -> {
                    start.await();
                    try {
                        return RunDirectory.claim(out, RunDirectory.Mode.NEW, conf);
                    } catch (OutputException e) {
                        return e;
                    }
                };
                futures.add(pool.submit(attempt));
            }
            List<Object> results = new ArrayList<>();
            for (Future<Object> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void writeClaim(Path file, String host, long pid) throws Exception {
        Files.writeString(file, "{\"host\":\"" + host + "\",\"pid\":" + pid
                + ",\"process_start_ms\":-1,\"started_at\":\"2026-12-02T07:00:00Z\"}");
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
