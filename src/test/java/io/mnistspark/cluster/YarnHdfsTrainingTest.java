package io.mnistspark.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mnistspark.SparkTestSession;
import io.mnistspark.train.StepRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.SparkConf;
import org.apache.spark.deploy.yarn.YarnClusterApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job on real YARN and HDFS daemons (see {@link MiniHadoopCluster}), started once for both tests: the
 * application master and two executors run in NodeManager containers (separate JVMs), the executors read
 * their own record ranges, and every output goes to HDFS. Each run's history must equal a local[2] run's.
 */
@Tag("cluster")
@Timeout(value = 8, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class YarnHdfsTrainingTest {
    private static final String RUN = "adam-normal";

    @TempDir
    static Path clusterDir;

    private static MiniHadoopCluster cluster;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startHdfsAndYarn() throws IOException {
        cluster = MiniHadoopCluster.start(clusterDir);
    }

    @AfterAll
    static void stopHdfsAndYarn() {
        try {
            SparkProperties.stopActiveSession();
            if (cluster != null) {
                cluster.close();
            }
        } finally {
            SparkTestSession.get();
        }
    }

    @Test
    void yarnClientModeTrainsOnIdxFilesInHdfsAndWritesTheLocal2HistoryToHdfs() throws IOException {
        Path idx = IdxFixture.write(tmp.resolve("mnist-idx"));
        String[] training = {"train", "--steps", "3", "--hidden", "16", "--partitions", "2", "--print-every", "1",
            "--run-name", RUN};
        List<StepRecord> expected = localHistory(JobArgs.plus(training, "--data", idx.toString()));

        FileSystem hdfs = cluster.fileSystem();
        hdfs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(idx.toUri()),
                new org.apache.hadoop.fs.Path("/data/mnist"));
        String out = cluster.hdfsUri() + "/runs/yarn-client";
        int code = new SparkProperties().setAll(yarnProperties("client", 2))
                .runJob(JobArgs.plus(training, "--data", cluster.hdfsUri() + "/data/mnist",
                        "--out", out));
        assertEquals(0, code, "exit code of the YARN client-mode run");

        assertOutputsOnHdfs("/runs/yarn-client");
        assertEquals("yarn", RunSummary.master(out));
        Histories.assertSame(expected, Histories.read(out + "/history.parquet", RUN), 3);
    }

    /**
     * Submitted as spark-submit does in cluster mode: the driver runs in the application master's container,
     * so the embedded MNIST is read from the class path there and in the executor, never from this JVM; the
     * application must end as SUCCEEDED (a driver that calls System.exit, even with 0, makes it FAILED). One
     * executor is enough here: reading ranges from several executors is the client-mode test's job.
     */
    @Test
    void yarnClusterModeDriverInAContainerTrainsOnTheEmbeddedMnistAndWritesToHdfs() throws IOException {
        String[] training = {"train", "--steps", "2", "--hidden", "16", "--partitions", "2", "--print-every", "1",
            "--run-name", RUN};
        List<StepRecord> expected = localHistory(training);

        String out = cluster.hdfsUri() + "/runs/yarn-cluster";
        List<String> clientArgs = new ArrayList<>(List.of("--class", "io.mnistspark.cli.Main"));
        for (String arg : JobArgs.plus(training, "--out", out)) {
            clientArgs.add("--arg");
            clientArgs.add(arg);
        }
        SparkConf conf = new SparkConf(false).setAppName("mnist-spark-mlp YARN cluster-mode test");
        yarnProperties("cluster", 1).forEach(conf::set);
        // Returns once the application has finished, and throws unless YARN reports it succeeded.
        new YarnClusterApplication().start(clientArgs.toArray(new String[0]), conf);

        assertOutputsOnHdfs("/runs/yarn-cluster");
        JsonNode summary = RunSummary.read(out);
        assertEquals("yarn", summary.path("job").path("master").asText());
        JsonNode data = summary.path("runs").get(0).path("data");
        assertEquals("embedded MNIST (jar resources)", data.path("location").asText(), summary.toString());
        assertEquals(48000, data.path("train_records").asInt(), summary.toString());
        assertEquals(12000, data.path("validation_records").asInt(), summary.toString());
        Histories.assertSame(expected, Histories.read(out + "/history.parquet", RUN), 2);
    }

    /** Runs {@code args} on local[2] into a temporary directory and returns the history. */
    private List<StepRecord> localHistory(String[] args) {
        Path out = tmp.resolve("local");
        int code = new SparkProperties().set("spark.master", "local[2]").set("spark.ui.enabled", "false")
                .runJob(JobArgs.plus(args, "--out", out.toString()));
        assertEquals(0, code, "exit code of the local[2] reference run");
        return Histories.read(out.resolve("history.parquet").toString(), RUN);
    }

    private static void assertOutputsOnHdfs(String dir) throws IOException {
        String[] outputs = {"summary.json", "history.parquet", "model/W1.npy", "confusion-" + RUN + ".csv"};
        for (String output : outputs) {
            assertTrue(cluster.fileSystem().exists(new org.apache.hadoop.fs.Path(dir + "/" + output)),
                    dir + "/" + output + " on HDFS");
        }
    }

    /**
     * YARN with one-core executors. There is no Spark distribution, so {@code spark.yarn.jars} names a jar
     * already on every node ({@code local:}), and the containers get the test class path (Spark, Hadoop, the
     * job and the embedded MNIST) and Spark's JVM flags. In client mode the AM only asks for executors; in
     * cluster mode it is the driver, and takes the driver's memory and options.
     */
    private static Map<String, String> yarnProperties(String deployMode, int executors) {
        SparkProperties properties = new SparkProperties();
        if (deployMode.equals("client")) {
            properties.set("spark.yarn.am.memory", "512m").set("spark.yarn.am.extraJavaOptions", TestJvm.jvmFlags());
        }
        return properties
                .set("spark.master", "yarn")
                .set("spark.submit.deployMode", deployMode)
                .set("spark.ui.enabled", "false")
                .set("spark.yarn.jars", "local:" + TestJvm.jarStartingWith("spark-core_"))
                .set("spark.yarn.maxAppAttempts", "1")
                .set("spark.driver.memory", "768m")
                .set("spark.driver.extraClassPath", TestJvm.classPath())
                .set("spark.driver.extraJavaOptions", TestJvm.jvmFlags())
                .set("spark.executor.extraClassPath", TestJvm.classPath())
                .set("spark.executor.extraJavaOptions", TestJvm.jvmFlags())
                .set("spark.executor.instances", String.valueOf(executors))
                .set("spark.executor.cores", "1")
                .set("spark.executor.memory", "512m")
                .setAll(cluster.clientProperties())
                .asMap();
    }
}
