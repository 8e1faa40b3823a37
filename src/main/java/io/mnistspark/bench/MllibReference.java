package io.mnistspark.bench;

import io.mnistspark.data.Shard;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.classification.MultilayerPerceptronClassifier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Times Spark MLlib's {@code MultilayerPerceptronClassifier} (layers in-hidden-classes, solver {@code gd}) on
 * the same training rows, in the same partitions, as sparse vectors in a cached DataFrame.
 *
 * <p>A fit first stacks the rows into dense blocks of {@code blockSize} rows and caches them (one
 * {@code count} job), then runs its iterations, each a broadcast, one {@code treeAggregate} job of the
 * gradient over the blocks and an update; Spark 4.2's gradient descent makes one more such pass after the
 * last update, for the final loss. Two measures of one iteration: the difference between the medians of
 * 1-iteration and 2-iteration fits (setup cancels, but the noise of two whole fits remains), and the time
 * from one gradient job to the next within a longer fit (the first interval, still warming up, dropped).
 *
 * <p>MLlib's hidden layer is a sigmoid, not a ReLU; the matrix products, nearly all of the work, have the
 * same shapes. It has no validation pass.
 */
public final class MllibReference {
    private static final String FIT_START_JOB = "count at GradientDescent";
    private static final String ITERATION_JOB = "treeAggregate at GradientDescent";

    /**
     * @param oneIteration  fits of maxIter 1
     * @param twoIterations fits of maxIter 2
     * @param iterations    iteration to iteration within a fit of {@code longFit} iterations, or null if
     *                      the iterations could not be told apart in Spark's job events
     */
    public record Result(Timing oneIteration, Timing twoIterations, Timing iterations, int longFit, int blockSize,
            long rows) {
        /** fit(2) - fit(1), medians. */
        public double fitDifference() {
            return twoIterations.median() - oneIteration.median();
        }

        /** The better measure of one iteration available: within the long fit, else the fit difference. */
        public double perIteration() {
            return iterations != null ? iterations.median() : fitDifference();
        }
    }

    private final SparkSession spark;
    private final int[] layers;
    private final int blockSize;

    public MllibReference(SparkSession spark, int inputs, int hidden, int classes, int blockSize) {
        this.spark = spark;
        this.layers = new int[] {inputs, hidden, classes};
        this.blockSize = blockSize;
    }

    /**
     * One unrecorded fit when {@code warmup > 0}; {@code repeats} fits of 1 and of 2 iterations, alternated;
     * one fit of {@code longFit} (at least 3) iterations timed iteration by iteration.
     */
    public Result time(JavaRDD<Shard> shards, int warmup, int repeats, int longFit, Progress progress) {
        if (longFit < 3) {
            throw new IllegalArgumentException("the long fit needs at least 3 iterations, got " + longFit);
        }
        Dataset<Row> frame = MllibFrames.of(spark, shards.flatMap(shard -> MllibFrames.rowsOf(shard.train()))).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            long rows = frame.count();
            int total = (warmup > 0 ? 1 : 0) + 2 * repeats + 1;
            int done = 0;
            if (warmup > 0) {
                fitSeconds(frame, 1);
                progress.tick(++done, total);
            }
            List<Double> one = new ArrayList<>();
            List<Double> two = new ArrayList<>();
            for (int r = 0; r < repeats; r++) {
                one.add(fitSeconds(frame, 1));
                progress.tick(++done, total);
                two.add(fitSeconds(frame, 2));
                progress.tick(++done, total);
            }
            Timing iterations = iterationTimes(frame, longFit);
            progress.tick(++done, total);
            return new Result(Timing.of(one), Timing.of(two), iterations, longFit, blockSize, rows);
        } finally {
            frame.unpersist(false);
        }
    }

    /** Iteration to iteration, or null if Spark's job events did not show one job per iteration. */
    private Timing iterationTimes(Dataset<Row> frame, int iterations) {
        JobStartClock clock = new JobStartClock(FIT_START_JOB, ITERATION_JOB);
        spark.sparkContext().addSparkListener(clock);
        List<Long> starts;
        try {
            fitSeconds(frame, iterations);
            starts = clock.awaitStarts(iterations, 30_000);
        } finally {
            spark.sparkContext().removeSparkListener(clock);
        }
        if (starts.size() < iterations) {
            return null;
        }
        List<Double> seconds = new ArrayList<>();
        for (int i = 2; i < starts.size(); i++) {
            seconds.add((starts.get(i) - starts.get(i - 1)) / 1000.0);
        }
        return Timing.of(seconds);
    }

    private double fitSeconds(Dataset<Row> frame, int iterations) {
        MultilayerPerceptronClassifier classifier = new MultilayerPerceptronClassifier()
                .setLayers(layers)
                .setSolver("gd")
                .setMaxIter(iterations)
                .setTol(0.0)
                .setBlockSize(blockSize)
                .setSeed(0L);
        long start = System.nanoTime();
        classifier.fit(frame);
        return (System.nanoTime() - start) / 1e9;
    }
}
