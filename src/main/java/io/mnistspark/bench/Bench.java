package io.mnistspark.bench;

import io.mnistspark.data.ClassCount;
import io.mnistspark.data.DataLocation;
import io.mnistspark.data.DatasetInfo;
import io.mnistspark.data.DatasetReader;
import io.mnistspark.data.Part;
import io.mnistspark.data.Shard;
import io.mnistspark.data.ShardedDataset;
import io.mnistspark.data.TrainValidationSplit;
import io.mnistspark.model.BlockKernel;
import io.mnistspark.model.NetworkShape;
import io.mnistspark.model.NormalInit;
import io.mnistspark.train.FullBatchPass;
import io.mnistspark.train.PassSums;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * One bench run: loads the data as {@code train} does; then, on the same persisted shards, runs the job's
 * step loop in rounds of a few steps with one pass of the kernel alone and of the dense reference (one
 * thread per shard, and one thread) after every round; then times Spark MLlib.
 */
public final class Bench {
    private static final int HIDDEN = 128;
    private static final String KERNEL_PARALLEL = "kernel parallel";
    private static final String KERNEL_SINGLE = "kernel single";
    private static final String DENSE_PARALLEL = "dense parallel";
    private static final String DENSE_SINGLE = "dense single";
    private static final String SPARK_FLOOR = "spark floor";

    private final SparkSession spark;
    private final Progress progress;

    public Bench(SparkSession spark, Progress progress) {
        this.spark = spark;
        this.progress = progress;
    }

    public BenchResult run(DataLocation location, ClassCount classes, double valFraction, long splitSeed,
            int partitionsWanted, BenchSettings settings) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        progress.phase("loading " + location.describe());
        long loadStart = System.nanoTime();
        DatasetInfo info = DatasetReader.inspect(spark, location, classes);
        TrainValidationSplit split = TrainValidationSplit.of(info, valFraction, splitSeed);
        int partitions = partitionsWanted > 0 ? partitionsWanted : sc.defaultParallelism();
        ShardedDataset dataset = ShardedDataset.load(spark, info, split, partitions);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        long loadResidentPeak = DriverMemory.residentPeakBytes();
        try {
            NetworkShape shape = new NetworkShape(info.shape().pixels(), HIDDEN, info.classes());
            long allRows = (long) info.count(Part.TRAIN) + info.count(Part.TEST);
            MemoryFigures memory = MemoryFigures.of(sc.sc(), dataset, allRows, info.shape().pixels());
            int slots = sc.defaultParallelism();
            BenchResult.Setup setup = new BenchResult.Setup(Machine.current(), location.describe(), split.trainCount(),
                    split.validationCount(), info.count(Part.TEST), shape + " ReLU, softmax cross-entropy, float64; kernel " + BlockKernel.implementation() + " (driver)",
                    spark.version(), sc.master(), partitions, slots, settings);

            NormalInit init = new NormalInit(0.1, 0);
            double[] params = init.create(shape);
            FullBatchPass pass = new FullBatchPass(sc, dataset.training(), shape, settings.treeDepth());
            List<Shard> shards = dataset.training().collect();
            int threads = Math.min(slots, shards.size());
            KernelTimer kernelTimer = new KernelTimer(shards, shape, params);
            PassSums kernelSums = kernelTimer.sums();
            double passDifference = difference(kernelSums, pass.run(params, true));
            DenseTimer denseTimer = null;
            double denseDifference = Double.NaN;
            if (settings.dense()) {
                progress.phase("densifying the shards for the dense reference (dgemm by "
                        + DenseReference.implementation() + ")");
                denseTimer = new DenseTimer(shards, shape, params, settings.denseChunkRows());
                DenseSums denseSums = denseTimer.trainSums();
                denseDifference = SumsComparison.relativeDifference(denseSums.lossSum(), denseSums.gradientSums(),
                        kernelSums.train().lossSum(), kernelSums.train().gradientSums());
            }
            InterleavedSeries floor = InterleavedSeries.sparkFloor(SPARK_FLOOR,
                    FullBatchPass.sparkFloor(sc, dataset.training(), shape, settings.treeDepth()), params);
            StepTimer.Result steps = measureSteps(new StepTimer(pass, shape, init), floor, kernelTimer, denseTimer,
                    threads, settings);
            BenchResult.LoadFigures load = new BenchResult.LoadFigures(loadSeconds, loadResidentPeak,
                    DriverMemory.heapLiveBytes(), DriverMemory.residentPeakBytes());
            Map<String, Timing> driver = steps.series();
            BenchResult.KernelFigures kernel = new BenchResult.KernelFigures(driver.get(KERNEL_PARALLEL),
                    driver.get(KERNEL_SINGLE), threads, passDifference);
            BenchResult.DenseFigures dense = denseTimer == null ? null : new BenchResult.DenseFigures(
                    driver.get(DENSE_PARALLEL), driver.get(DENSE_SINGLE), DenseReference.implementation(),
                    denseTimer.sizeInBytes(), denseDifference);
            denseTimer = null; // the dense matrices can go before MLlib caches its own copy
            MllibReference.Result mllib = null;
            if (settings.mllib()) {
                progress.phase("Spark MLlib MultilayerPerceptronClassifier, solver gd, block size "
                        + settings.mllibBlockSize() + " (fits of 1 and 2 iterations, " + settings.mllibRepeats()
                        + " each, and one of " + settings.mllibIterations() + ")");
                mllib = new MllibReference(spark, shape.inputs(), shape.hidden(), shape.classes(),
                        settings.mllibBlockSize()).time(dataset.training(), settings.warmup(), settings.mllibRepeats(),
                        settings.mllibIterations(), progress);
                if (mllib.iterations() == null) {
                    progress.note("MLlib's iterations could not be told apart in Spark's job events; "
                            + "its iteration is taken as fit(2) - fit(1)");
                }
            }
            return new BenchResult(setup, steps.steps(), driver.get(SPARK_FLOOR), kernel, dense, mllib, memory, load,
                    Machine.loadAverage());
        } finally {
            dataset.release();
        }
    }

    /** The step loop, with one pass of Spark's floor and of each driver-side series after every round of steps. */
    private StepTimer.Result measureSteps(StepTimer stepTimer, InterleavedSeries floor, KernelTimer kernelTimer,
            DenseTimer denseTimer, int threads, BenchSettings settings) {
        List<InterleavedSeries> series = new ArrayList<>();
        try {
            series.add(floor);
            series.add(kernelTimer.series(KERNEL_PARALLEL, threads));
            series.add(kernelTimer.series(KERNEL_SINGLE, 1));
            if (denseTimer != null) {
                series.add(denseTimer.series(DENSE_PARALLEL, threads));
                series.add(denseTimer.series(DENSE_SINGLE, 1));
            }
            progress.phase("job step loop on Spark, and after every " + settings.roundSteps() + " steps Spark's floor, the kernel"
                    + (denseTimer != null ? " and the dense reference" : "") + " on the driver (" + settings.warmup()
                    + " warm-up + " + settings.steps() + " rounds)");
            return stepTimer.run(settings.plan(), settings.treeDepth(), series, progress);
        } finally {
            series.forEach(InterleavedSeries::close);
        }
    }

    private static double difference(PassSums a, PassSums b) {
        return SumsComparison.relativeDifference(a.train().lossSum(), a.train().gradientSums(), b.train().lossSum(),
                b.train().gradientSums());
    }
}
