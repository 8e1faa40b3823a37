package io.mnistspark.bench;

import io.mnistspark.data.DataLocation;
import io.mnistspark.data.DatasetInfo;
import io.mnistspark.data.DatasetReader;
import io.mnistspark.data.Part;
import io.mnistspark.data.Shard;
import io.mnistspark.data.ShardedDataset;
import io.mnistspark.data.TrainValidationSplit;
import io.mnistspark.model.NetworkShape;
import io.mnistspark.train.FullBatchPass;
import io.mnistspark.train.PassSums;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * One bench run: loads the data as {@code train} does, then measures, on the same persisted shards and in
 * this order, the job's step loop, the kernel alone, the dense dgemm reference and Spark MLlib.
 */
public final class Bench {
    private static final int HIDDEN = 128;

    private final SparkSession spark;
    private final Progress progress;

    public Bench(SparkSession spark, Progress progress) {
        this.spark = spark;
        this.progress = progress;
    }

    public BenchResult run(DataLocation location, double valFraction, long splitSeed, int partitionsWanted,
            BenchSettings settings) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        progress.phase("loading " + location.describe());
        DatasetInfo info = DatasetReader.inspect(location, sc.hadoopConfiguration());
        TrainValidationSplit split = TrainValidationSplit.of(info.count(Part.TRAIN), valFraction, splitSeed);
        int partitions = partitionsWanted > 0 ? partitionsWanted : sc.defaultParallelism();
        ShardedDataset dataset = ShardedDataset.load(sc, info, split, partitions);
        try {
            NetworkShape shape = new NetworkShape(info.shape().pixels(), HIDDEN, info.classes());
            long allRows = (long) info.count(Part.TRAIN) + info.count(Part.TEST);
            MemoryFigures memory = MemoryFigures.of(sc.sc(), dataset, allRows, info.shape().pixels());
            int slots = sc.defaultParallelism();
            BenchResult.Setup setup = new BenchResult.Setup(Machine.current(), location.describe(), split.trainCount(),
                    split.validationCount(), info.count(Part.TEST), shape + " ReLU, softmax cross-entropy, float64",
                    spark.version(), sc.master(), partitions, slots, settings);

            progress.phase("job step loop on Spark (" + settings.warmup() + " warm-up + " + settings.steps() + " steps)");
            FullBatchPass pass = new FullBatchPass(sc, dataset.training(), shape, settings.treeDepth());
            StepTimer.Result steps = new StepTimer(pass, shape).run(settings.warmup(), settings.steps(),
                    settings.treeDepth(), progress);
            double[] params = steps.params();

            List<Shard> shards = dataset.training().collect();
            KernelTimer kernelTimer = new KernelTimer(shards, shape, params);
            BenchResult.KernelFigures kernel = timeKernel(kernelTimer, pass.run(params, true), slots, settings);
            BenchResult.DenseFigures dense = settings.dense()
                    ? timeDense(shards, shape, params, kernelTimer.sums(), slots, settings) : null;
            MllibReference.Result mllib = null;
            if (settings.mllib()) {
                progress.phase("Spark MLlib MultilayerPerceptronClassifier, solver gd, block size "
                        + settings.mllibBlockSize() + " (fits of 1 and 2 iterations, " + settings.mllibRepeats()
                        + " each)");
                mllib = new MllibReference(spark, shape.inputs(), shape.hidden(), shape.classes(),
                        settings.mllibBlockSize()).time(dataset.training(), settings.warmup(), settings.mllibRepeats(),
                        progress);
            }
            return new BenchResult(setup, steps.steps(), kernel, dense, mllib, memory);
        } finally {
            dataset.release();
        }
    }

    private BenchResult.KernelFigures timeKernel(KernelTimer timer, PassSums onSpark, int slots,
            BenchSettings settings) {
        PassSums onDriver = timer.sums();
        double difference = SumsComparison.relativeDifference(onDriver.train().lossSum(),
                onDriver.train().gradientSums(), onSpark.train().lossSum(), onSpark.train().gradientSums());
        int threads = Math.min(slots, timer.shardCount());
        progress.phase("kernel alone on the driver, " + threads + " thread(s), one per shard");
        Timing parallel = timer.time(threads, settings.warmup(), settings.steps(), progress);
        progress.phase("kernel alone on the driver, 1 thread");
        Timing single = timer.time(1, settings.warmup(), settings.steps(), progress);
        return new BenchResult.KernelFigures(parallel, single, threads, difference);
    }

    private BenchResult.DenseFigures timeDense(List<Shard> shards, NetworkShape shape, double[] params,
            PassSums kernelSums, int slots, BenchSettings settings) {
        String blas = DenseReference.implementation();
        progress.phase("dense float64 reference, dgemm by " + blas);
        DenseTimer timer = new DenseTimer(shards, shape, params, settings.denseChunkRows());
        DenseSums denseSums = timer.trainSums();
        double difference = SumsComparison.relativeDifference(denseSums.lossSum(), denseSums.gradientSums(),
                kernelSums.train().lossSum(), kernelSums.train().gradientSums());
        int threads = Math.min(slots, shards.size());
        progress.phase("dense reference, " + threads + " thread(s), one per shard");
        Timing parallel = timer.time(threads, settings.warmup(), settings.steps(), progress);
        progress.phase("dense reference, 1 thread");
        Timing single = timer.time(1, settings.warmup(), settings.steps(), progress);
        return new BenchResult.DenseFigures(parallel, single, blas, timer.sizeInBytes(), difference);
    }
}
