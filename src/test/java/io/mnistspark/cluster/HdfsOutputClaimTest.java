package io.mnistspark.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mnistspark.cli.Main;
import io.mnistspark.report.OutputClaim;
import io.mnistspark.report.OutputException;
import io.mnistspark.report.RunDirectory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output directory claim on HDFS, where the name node's create without overwrite is what makes it
 * atomic: of eight claims on one {@code hdfs://} directory at the same moment exactly one wins, and a
 * {@code train} into it meanwhile is refused with exit 4 before Spark starts.
 */
@Tag("cluster")
@Timeout(value = 4, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HdfsOutputClaimTest {
    @TempDir
    Path tmp;

    @Test
    void ofEightClaimsOnOneHdfsDirectoryOneWinsAndTrainIsRefusedWithExit4() throws Exception {
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, tmp.resolve("hdfs").toString());
        MiniDFSCluster hdfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        try {
            hdfs.waitActive();
            String out = hdfs.getURI() + "/runs/a";
            Configuration client = hdfs.getConfiguration(0);
            List<Object> results = claimTogether(8, out, client);
            List<OutputClaim> winners = results.stream().filter(r -> r instanceof OutputClaim)
                    .map(r -> (OutputClaim) r).toList();
            assertEquals(1, winners.size(), results.toString());
            for (Object r : results) {
                assertTrue(r instanceof OutputClaim || (r instanceof OutputException e
                        && e.getMessage().startsWith(out + ": ")), String.valueOf(r));
            }
            FileSystem fs = hdfs.getFileSystem();
            assertEquals(1, fs.listStatus(new org.apache.hadoop.fs.Path(out)).length);

            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream stderr = System.err;
            int code;
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            try {
                code = Main.execute("train", "--steps", "1", "--out", out);
            } finally {
                System.setErr(stderr);
            }
            String refusal = err.toString(StandardCharsets.UTF_8);
            assertEquals(4, code, refusal);
            assertTrue(refusal.startsWith("output error: " + out + ": "), refusal);

            winners.get(0).release();
            org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(out);
            assertTrue(!fs.exists(dir) || fs.listStatus(dir).length == 0, "a released claim leaves no file behind");
        } finally {
            hdfs.shutdown();
        }
    }

    private static List<Object> claimTogether(int n, String out, Configuration conf) throws Exception {
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
}
