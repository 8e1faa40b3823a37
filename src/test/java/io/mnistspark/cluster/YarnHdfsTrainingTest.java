package io.mnistspark.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mnistspark.SparkTestSession;
import io.mnistspark.train.StepRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job on real YARN and HDFS daemons (see {@link MiniHadoopCluster}): the driver submits to the
 * ResourceManager, an application master and two executors run in NodeManager containers (separate JVMs),
 * the executors read their own record ranges of IDX files on HDFS, and every output goes to HDFS.
 */
@Tag("cluster")
class YarnHdfsTrainingTest {
    private static final String RUN = "adam-normal";
    private static final int STEPS = 3;

    @TempDir
    Path tmp;

    @AfterAll
    static void restoreSharedSession() {
        SparkTestSession.get();
    }

    @Test
    void yarnClientModeTrainsOnHdfsIdxFilesAndWritesTheLocal2HistoryToHdfs() throws IOException {
        Path idx = IdxFixture.write(tmp.resolve("mnist-idx"));
        String[] training = {"train", "--steps", String.valueOf(STEPS), "--hidden", "16", "--partitions", "2",
            "--print-every", "1", "--run-name", RUN};

        Path localOut = tmp.resolve("local");
        int local = new SparkProperties().set("spark.master", "local[2]").set("spark.ui.enabled", "false")
                .runJob(LocalClusterTrainingTest.append(training, "--data", idx.toString(), "--out",
                        localOut.toString()));
        assertEquals(0, local, "local[2] run exit code");
        List<StepRecord> expected = Histories.read(localOut.resolve("history.parquet").toString(), RUN);
        try (MiniHadoopCluster cluster = MiniHadoopCluster.start(tmp.resolve("hadoop"))) {
            FileSystem hdfs = cluster.fileSystem();
            org.apache.hadoop.fs.Path data = new org.apache.hadoop.fs.Path("/data/mnist");
            hdfs.mkdirs(data.getParent());
            hdfs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(idx.toUri()), data);
            String hdfsData = cluster.hdfsUri() + "/data/mnist";
            String hdfsOut = cluster.hdfsUri() + "/runs/yarn-client";

            int code = onYarn(cluster).runJob(LocalClusterTrainingTest.append(training, "--data", hdfsData,
                    "--out", hdfsOut));
            assertEquals(0, code, "YARN run exit code");

            for (String output : new String[] {"summary.json", "history.parquet", "model/W1.npy",
                "confusion-" + RUN + ".csv"}) {
                assertTrue(hdfs.exists(new org.apache.hadoop.fs.Path("/runs/yarn-client/" + output)),
                        output + " on HDFS");
            }
            List<StepRecord> actual = Histories.read(hdfsOut + "/history.parquet", RUN);
            Histories.assertSame(expected, actual, STEPS);
        } finally {
            SparkProperties.stopActiveSession();
        }
    }

    /**
     * YARN client mode: the driver is this JVM; the application master and two one-core executors run in
     * containers. There is no Spark distribution, so {@code spark.yarn.jars} names a jar that is already on
     * every node ({@code local:}), and the containers get the test class path and Spark's JVM flags.
     */
    private static SparkProperties onYarn(MiniHadoopCluster cluster) {
        return new SparkProperties()
                .set("spark.master", "yarn")
                .set("spark.submit.deployMode", "client")
                .set("spark.ui.enabled", "false")
                .set("spark.yarn.jars", "local:" + TestJvm.jarStartingWith("spark-core_"))
                .set("spark.yarn.maxAppAttempts", "1")
                .set("spark.yarn.am.memory", "512m")
                .set("spark.yarn.am.extraJavaOptions", TestJvm.jvmFlags())
                .set("spark.driver.extraClassPath", TestJvm.classPath())
                .set("spark.executor.extraClassPath", TestJvm.classPath())
                .set("spark.executor.extraJavaOptions", TestJvm.jvmFlags())
                .set("spark.executor.instances", "2")
                .set("spark.executor.cores", "1")
                .set("spark.executor.memory", "512m")
                .setAll(cluster.clientProperties());
    }
}
