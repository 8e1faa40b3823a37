package io.mnistspark.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mnistspark.Histories;
import io.mnistspark.SparkTestSession;
import io.mnistspark.data.DatasetInfo;
import io.mnistspark.data.DatasetReader;
import io.mnistspark.data.NpzArchive;
import io.mnistspark.data.Part;
import io.mnistspark.data.Shard;
import io.mnistspark.data.ShardedDataset;
import io.mnistspark.data.TrainValidationSplit;
import io.mnistspark.model.NetworkShape;
import io.mnistspark.model.NormalInit;
import io.mnistspark.optim.HyperparameterDtype;
import io.mnistspark.optim.OptimizerChoice;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** A gradient task that fails once and is retried by Spark leaves the history bit for bit unchanged. */
class TaskRetryTest {
    private static final AtomicBoolean FAIL_NEXT = new AtomicBoolean();
    private static final AtomicInteger FAILURES = new AtomicInteger();
    private static final NetworkShape SHAPE = new NetworkShape(784, 16, 10);

    @Test
    void aTaskFailingOnceIsRetriedAndTheHistoryIsIdentical() throws Exception {
        SparkTestSession.get().stop();
        // local[2,3]: two threads, and a task may fail up to 3 times before the job fails
        SparkSession spark = SparkSession.builder().master("local[2,3]").appName("task retry test")
                .config("spark.ui.enabled", "false").getOrCreate();
        try {
            JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            String fixture = TaskRetryTest.class.getResource("/fixtures/mnist-first100.npz").toString();
            DatasetInfo info = DatasetReader.inspect(new NpzArchive(fixture), new Configuration());
            ShardedDataset dataset = ShardedDataset.load(sc, info,
                    TrainValidationSplit.of(info.count(Part.TRAIN), 0.2, 0), 3);
            List<StepRecord> clean = train(sc, dataset.training(), -1);
            JavaRDD<Shard> flaky = dataset.training().map(shard -> {
                if (shard.index() == 1 && FAIL_NEXT.compareAndSet(true, false)) {
                    FAILURES.incrementAndGet();
                    throw new IllegalStateException("injected failure of shard 1");
                }
                return shard;
            });
            List<StepRecord> retried = train(sc, flaky, 3);
            assertEquals(1, FAILURES.get(), "the injected failure must have happened once");
            assertEquals(clean, retried);
        } finally {
            spark.stop();
            SparkTestSession.get();
        }
    }

    /** Six Adam steps; the task for shard 1 fails once during step {@code failAtStep} (or never, if -1). */
    private static List<StepRecord> train(JavaSparkContext sc, JavaRDD<Shard> shards, int failAtStep) {
        TrainingSettings settings = new TrainingSettings("retry", SHAPE.hidden(), new NormalInit(0.1, 0),
                OptimizerChoice.ADAM, 0.001, HyperparameterDtype.FLOAT32, 6, Optional.empty(), 100, 2);
        FullBatchPass pass = new FullBatchPass(sc, shards, SHAPE, 2);
        StepListener arm = (record, maxSteps) -> {
            if (record.step() == failAtStep - 1) {
                FAIL_NEXT.set(true);
            }
        };
        return Histories.withoutTimes(new Trainer(pass, SHAPE, settings).train(arm).history());
    }
}
