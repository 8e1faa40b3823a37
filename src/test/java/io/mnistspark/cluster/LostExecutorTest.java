package io.mnistspark.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mnistspark.SparkTestSession;
import io.mnistspark.data.DatasetInfo;
import io.mnistspark.data.DatasetReader;
import io.mnistspark.data.NpzArchive;
import io.mnistspark.data.Part;
import io.mnistspark.data.ShardedDataset;
import io.mnistspark.data.TrainValidationSplit;
import io.mnistspark.model.NetworkShape;
import io.mnistspark.model.NormalInit;
import io.mnistspark.optim.HyperparameterDtype;
import io.mnistspark.optim.OptimizerChoice;
import io.mnistspark.train.FullBatchPass;
import io.mnistspark.train.StepListener;
import io.mnistspark.train.Trainer;
import io.mnistspark.train.TrainingResult;
import io.mnistspark.train.TrainingSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.BlockManagerId;
import org.apache.spark.storage.RDDBlockId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import scala.jdk.javaapi.CollectionConverters;

/**
 * On {@code local-cluster[2,1,1024]}, one executor JVM is killed with SIGKILL in the middle of training. Its
 * worker starts another, the training shards that were cached on the dead one are read again from the npz
 * file, and the run ends with the history and parameters of an uninterrupted run, bit for bit.
 */
@Tag("cluster")
@Timeout(value = 8, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LostExecutorTest {
    private static final NetworkShape SHAPE = new NetworkShape(784, 16, 10);
    private static final int STEPS = 6;
    private static final int KILL_AFTER_STEP = 3;
    private static final int PARTITIONS = 4;

    @TempDir
    Path tmp;

    @AfterAll
    static void restoreSharedSession() {
        SparkTestSession.get();
    }

    @Test
    void anExecutorKilledWithSigkillMidRunIsReplacedAndTheRunIsBitForBitTheUninterruptedOne() throws Exception {
        LocalClusterTrainingTest.localCluster(Files.createDirectories(tmp.resolve("spark-home")))
                .inSession("lost executor test", LostExecutorTest::killAnExecutorMidRun);
    }

    private static void killAnExecutorMidRun(SparkSession spark) throws Exception {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        DatasetInfo info = DatasetReader.inspect(new NpzArchive(IdxFixture.npz()), new Configuration());
        Map<String, Long> pids = executorPids(sc, 2);
        ShardedDataset dataset = ShardedDataset.load(sc, info,
                TrainValidationSplit.of(info.count(Part.TRAIN), 0.2, 0), PARTITIONS);

        TrainingResult uninterrupted = train(sc, dataset, StepListener.SILENT);

        Map<Integer, String> before = cachedOn(sc, dataset.training().id());
        String victim = before.get(0);
        long victimPid = pids.get(victim);
        List<Integer> lostShards = before.entrySet().stream().filter(e -> e.getValue().equals(victim))
                .map(Map.Entry::getKey).toList();
        StepListener killer = (record, maxSteps) -> {
            if (record.step() == KILL_AFTER_STEP) {
                ProcessHandle executor = ProcessHandle.of(victimPid).orElseThrow(
                        () -> new AssertionError("executor " + victim + " (pid " + victimPid + ") is not running"));
                assertTrue(executor.destroyForcibly(), "SIGKILL to pid " + victimPid);
                executor.onExit().join();
            }
        };
        TrainingResult interrupted = train(sc, dataset, killer);

        assertFalse(ProcessHandle.of(victimPid).isPresent(), "the killed executor JVM is gone");
        Set<String> live = waitForExecutors(sc, 2);
        assertFalse(live.contains(victim), "executor " + victim + " was removed: " + live);
        Map<Integer, String> after = cachedOn(sc, dataset.training().id());
        assertEquals(before.keySet(), after.keySet(), "every shard is cached again");
        for (int shard : lostShards) {
            assertFalse(after.get(shard).equals(victim), "shard " + shard + " was read again elsewhere");
        }
        assertEquals(io.mnistspark.Histories.withoutTimes(uninterrupted.history()),
                io.mnistspark.Histories.withoutTimes(interrupted.history()));
        assertEquals(STEPS, interrupted.steps());
        assertArrayEquals(uninterrupted.params(), interrupted.params());
        dataset.release();
    }

    private static TrainingResult train(JavaSparkContext sc, ShardedDataset dataset, StepListener listener) {
        TrainingSettings settings = new TrainingSettings("lost-executor", SHAPE.hidden(), new NormalInit(0.1, 0),
                OptimizerChoice.ADAM, 0.001, HyperparameterDtype.FLOAT32, STEPS, Optional.empty(), 100, 2);
        FullBatchPass pass = new FullBatchPass(sc, dataset.training(), SHAPE, 2);
        return new Trainer(pass, SHAPE, settings).train(listener);
    }

    /**
     * Each executor's id and process id, as the executor itself reports them from inside a task; waits until
     * {@code count} executors have registered and each has answered.
     */
    private static Map<String, Long> executorPids(JavaSparkContext sc, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        waitForExecutors(sc, count);
        Map<String, Long> pids = new TreeMap<>();
        while (pids.size() < count) {
            assertTrue(System.nanoTime() < deadline, "executors that answered: " + pids);
            List<String> reports = sc.parallelize(new ArrayList<>(IntStream.range(0, 8 * count).boxed().toList()),
                    8 * count).map(i -> {
                        Thread.sleep(50);
                        return SparkEnv.get().executorId() + " " + ProcessHandle.current().pid();
                    }).collect();
            for (String report : new HashSet<>(reports)) {
                String[] parts = report.split(" ");
                pids.put(parts[0], Long.parseLong(parts[1]));
            }
        }
        assertFalse(pids.containsValue(ProcessHandle.current().pid()), "executors run in JVMs of their own");
        return pids;
    }

    /** Waits until {@code count} executors have registered (the worker of a lost one starts another); their ids. */
    private static Set<String> waitForExecutors(JavaSparkContext sc, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (liveExecutors(sc).size() < count) {
            assertTrue(System.nanoTime() < deadline, "executors registered: " + liveExecutors(sc));
            Thread.sleep(200);
        }
        return liveExecutors(sc);
    }

    /** The ids of the executors whose block managers the driver knows (the driver's own left out). */
    private static Set<String> liveExecutors(JavaSparkContext sc) {
        Set<String> ids = new HashSet<>();
        for (BlockManagerId id : CollectionConverters.asJava(sc.sc().env().blockManager().master()
                .getMemoryStatus().keySet())) {
            if (!id.isDriver()) {
                ids.add(id.executorId());
            }
        }
        return ids;
    }

    /** For each cached partition of RDD {@code rddId}, the executor holding it. */
    private static Map<Integer, String> cachedOn(JavaSparkContext sc, int rddId) {
        Map<Integer, String> where = new TreeMap<>();
        for (int p = 0; p < PARTITIONS; p++) {
            List<BlockManagerId> locations = CollectionConverters.asJava(
                    sc.sc().env().blockManager().master().getLocations(new RDDBlockId(rddId, p)));
            if (!locations.isEmpty()) {
                where.put(p, locations.get(0).executorId());
            }
        }
        return where;
    }
}
