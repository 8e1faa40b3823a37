package io.mnistspark.cluster;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;

/**
 * Real HDFS and YARN daemons inside the test JVM: a MiniDFSCluster (one NameNode, one DataNode) and a
 * MiniYARNCluster (one ResourceManager, one NodeManager whose containers are separate JVMs), all keeping
 * their files under one directory. Starting both takes 20 to 50 s on 2 cores.
 */
final class MiniHadoopCluster implements AutoCloseable {
    /** Hadoop's test utilities put their work directories under this system property. */
    private static final String TEST_DATA_PROPERTY = "test.build.data";

    private final MiniDFSCluster hdfs;
    private final MiniYARNCluster yarn;

    private MiniHadoopCluster(MiniDFSCluster hdfs, MiniYARNCluster yarn) {
        this.hdfs = hdfs;
        this.yarn = yarn;
    }

    /** Starts HDFS, then YARN, with every file under {@code baseDir}; stops what started if a step fails. */
    static MiniHadoopCluster start(Path baseDir) throws IOException {
        String previous = System.getProperty(TEST_DATA_PROPERTY);
        System.setProperty(TEST_DATA_PROPERTY, baseDir.resolve("yarn").toString());
        MiniDFSCluster hdfs = null;
        MiniYARNCluster yarn = null;
        try {
            Configuration hdfsConf = new Configuration();
            hdfsConf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, baseDir.resolve("hdfs").toString());
            hdfs = new MiniDFSCluster.Builder(hdfsConf).numDataNodes(1).build();
            hdfs.waitActive();

            yarn = new MiniYARNCluster("mnist-spark-mlp", 1, 1, 1);
            yarn.init(yarnConf(hdfs.getURI()));
            yarn.start();
            if (!yarn.waitForNodeManagersToConnect(30_000)) {
                throw new IllegalStateException("the NodeManager did not register with the ResourceManager in 30 s");
            }
            return new MiniHadoopCluster(hdfs, yarn);
        } catch (Exception e) {
            if (yarn != null) {
                yarn.stop();
            }
            if (hdfs != null) {
                hdfs.shutdown();
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (e instanceof IOException io) {
                throw io;
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException("cannot start the mini clusters: " + e.getMessage(), e);
        } finally {
            if (previous == null) {
                System.clearProperty(TEST_DATA_PROPERTY);
            } else {
                System.setProperty(TEST_DATA_PROPERTY, previous);
            }
        }
    }

    /**
     * One NodeManager sized for an application master and two small executors. Memory checks are off (a
     * JVM's virtual size says nothing about its heap), and containers get this JVM's {@code JAVA_HOME},
     * since a fresh CI machine need not export one. Container logs are not kept after an application
     * (the whole directory goes with the test anyway): pending deletions would hold the NodeManager's
     * shutdown for 10 s, as would the default 5 s grace for killing containers. The FIFO scheduler needs
     * no queue definitions (the default capacity scheduler wants a {@code capacity-scheduler.xml}). A
     * nearly full disk on a CI machine must not make the node unhealthy (at 90% YARN stops using it).
     */
    private static YarnConfiguration yarnConf(URI defaultFs) {
        YarnConfiguration conf = new YarnConfiguration();
        conf.set("fs.defaultFS", defaultFs.toString());
        conf.setInt(YarnConfiguration.NM_PMEM_MB, 4096);
        conf.setInt(YarnConfiguration.NM_VCORES, 4);
        conf.setInt(YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_MB, 128);
        conf.setBoolean(YarnConfiguration.NM_PMEM_CHECK_ENABLED, false);
        conf.setBoolean(YarnConfiguration.NM_VMEM_CHECK_ENABLED, false);
        conf.set(YarnConfiguration.NM_ADMIN_USER_ENV, "JAVA_HOME=" + TestJvm.javaHome());
        conf.set(YarnConfiguration.RM_SCHEDULER,
                "org.apache.hadoop.yarn.server.resourcemanager.scheduler.fifo.FifoScheduler");
        conf.setBoolean(YarnConfiguration.TIMELINE_SERVICE_ENABLED, false);
        conf.setLong(YarnConfiguration.NM_PROCESS_KILL_WAIT_MS, 500);
        conf.setLong(YarnConfiguration.NM_SLEEP_DELAY_BEFORE_SIGKILL_MS, 100);
        conf.setLong(YarnConfiguration.NM_LOG_RETAIN_SECONDS, 0);
        conf.setFloat(YarnConfiguration.NM_MAX_PER_DISK_UTILIZATION_PERCENTAGE, 100.0f);
        conf.setLong(YarnConfiguration.NM_MIN_PER_DISK_FREE_SPACE_MB, 0);
        return conf;
    }

    /** The NameNode, e.g. {@code hdfs://localhost:40123}. */
    URI hdfsUri() {
        return hdfs.getURI();
    }

    FileSystem fileSystem() throws IOException {
        return hdfs.getFileSystem();
    }

    /**
     * The few Hadoop settings a Spark client needs to reach these daemons, as {@code spark.hadoop.*}
     * properties: the NameNode and the ResourceManager's addresses. Only these: the mini clusters' full
     * configuration (test-only keys, NodeManager paths, port-0 addresses) breaks the Spark client.
     */
    Map<String, String> clientProperties() {
        Configuration running = yarn.getConfig();
        Map<String, String> client = new LinkedHashMap<>();
        client.put("spark.hadoop.fs.defaultFS", hdfsUri().toString());
        for (String key : new String[] {YarnConfiguration.RM_ADDRESS, YarnConfiguration.RM_SCHEDULER_ADDRESS,
            YarnConfiguration.RM_WEBAPP_ADDRESS}) {
            client.put("spark.hadoop." + key, running.get(key));
        }
        return client;
    }

    /** Stops YARN, then HDFS. */
    @Override
    public void close() {
        try {
            yarn.stop();
        } finally {
            hdfs.shutdown();
        }
    }
}
