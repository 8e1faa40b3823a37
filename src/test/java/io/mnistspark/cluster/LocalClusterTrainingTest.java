package io.mnistspark.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mnistspark.SparkTestSession;
import io.mnistspark.train.StepRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job on Spark's {@code local-cluster} master: a standalone master and two workers in this JVM, each
 * running its executor in a separate JVM, so the shards, the broadcast parameters and the Hadoop
 * configuration really cross process boundaries through serialization, as on a cluster.
 */
@Tag("cluster")
@Timeout(value = 8, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LocalClusterTrainingTest {
    private static final String RUN = "adam-normal";
    private static final int STEPS = 3;

    @TempDir
    Path tmp;

    @AfterAll
    static void restoreSharedSession() {
        SparkTestSession.get();
    }

    @Test
    void twoExecutorJvmsOnLocalClusterGiveTheLocal2HistoryWithin1e12() throws IOException {
        String[] training = {"train", "--data", IdxFixture.npz(), "--steps", String.valueOf(STEPS), "--hidden", "16",
            "--partitions", "3", "--print-every", "1", "--run-name", RUN};

        Path localOut = tmp.resolve("local");
        int local = new SparkProperties().set("spark.master", "local[2]").set("spark.ui.enabled", "false")
                .runJob(JobArgs.plus(training, "--out", localOut.toString()));
        assertEquals(0, local, "local[2] run exit code");

        Path clusterOut = tmp.resolve("local-cluster");
        int cluster = localCluster(Files.createDirectories(tmp.resolve("spark-home")))
                .runJob(JobArgs.plus(training, "--out", clusterOut.toString()));
        assertEquals(0, cluster, "local-cluster run exit code");
        assertEquals("local-cluster[2,1,1024]", RunSummary.master(clusterOut.toString()));

        List<StepRecord> expected = Histories.read(localOut.resolve("history.parquet").toString(), RUN);
        List<StepRecord> actual = Histories.read(clusterOut.resolve("history.parquet").toString(), RUN);
        Histories.assertSame(expected, actual, STEPS);
    }

    /**
     * Two workers of one core and 1 GiB. A worker starts its executor with Spark's launcher, which wants a
     * Spark home with a {@code jars/} folder (an empty one here: the test class path already holds Spark,
     * given as the executors' extra class path) and the Scala version; the worker takes that home from
     * {@code spark.test.home} under {@code spark.testing}.
     */
    static SparkProperties localCluster(Path sparkHome) throws IOException {
        Files.createDirectories(sparkHome.resolve("jars"));
        return new SparkProperties()
                .set("spark.master", "local-cluster[2,1,1024]")
                .set("spark.testing", "true")
                .set("spark.test.home", sparkHome.toString())
                .set("spark.ui.enabled", "false")
                .set("spark.executor.memory", "512m")
                .set("spark.executorEnv.SPARK_SCALA_VERSION", "2.13")
                .set("spark.executor.extraClassPath", TestJvm.classPath())
                .set("spark.executor.extraJavaOptions", TestJvm.jvmFlags());
    }
}
