package io.mnistspark.bench;

import io.mnistspark.data.ImageBlock;
import io.mnistspark.data.Shard;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.classification.MultilayerPerceptronClassificationModel;
import org.apache.spark.ml.classification.MultilayerPerceptronClassifier;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.StageInfo;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import scala.jdk.javaapi.CollectionConverters;

import static org.apache.spark.sql.functions.col;

/**
 * Times Spark MLlib's {@code MultilayerPerceptronClassifier} (layers in-hidden-classes, seed 0, block size as
 * given, its defaults otherwise: tol 1e-6, gd's step size 0.03) to a test accuracy. A fit cannot be looked
 * into between iterations, so each count of iterations is its own fit from the same start: first a fit of the
 * whole budget; if that one reaches the target, a bisection over multiples of {@code resolution} finds the
 * smallest that does. The time is that fit's, from its first gradient job to its return (the stacking of the
 * rows into blocks before it not counted), so its iterations run exactly as in one long fit.
 */
final class MllibRace {
    private final SparkSession spark;
    private final int[] layers;
    private final int blockSize;

    MllibRace(SparkSession spark, int inputs, int hidden, int classes, int blockSize) {
        this.spark = spark;
        this.layers = new int[] {inputs, hidden, classes};
        this.blockSize = blockSize;
    }

    /** One fit's outcome: seconds from its first gradient job to its return, and its test accuracy. */
    private record Fit(double seconds, double accuracy) {
    }

    Reach run(String contender, String solver, JavaRDD<Shard> shards, JavaRDD<ImageBlock> testBlocks, double target,
            int maxIter, int resolution, Progress progress) {
        Dataset<Row> train = MllibFrames.of(spark, shards.flatMap(shard -> MllibFrames.rowsOf(shard.train()))).persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> test = MllibFrames.of(spark, testBlocks.flatMap(MllibFrames::rowsOf)).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            train.count();
            test.count();
            progress.note(contender + ": fit of " + maxIter + " iterations");
            Fit full = fit(solver, maxIter, train, test);
            if (full.accuracy() < target) {
                return new Reach(contender, null, maxIter, full.accuracy(), "not reached in a fit of " + maxIter
                        + " iterations");
            }
            int low = 0;
            int high = maxIter;
            Fit best = full;
            int fits = 1;
            while (high - low > resolution) {
                int middle = Math.max(resolution, (low + high) / 2 / resolution * resolution);
                if (middle <= low || middle >= high) {
                    break;
                }
                progress.note(contender + ": fit of " + middle + " iterations");
                Fit f = fit(solver, middle, train, test);
                fits++;
                if (f.accuracy() >= target) {
                    high = middle;
                    best = f;
                } else {
                    low = middle;
                }
            }
            return new Reach(contender, best.seconds(), high, best.accuracy(), "the first fit of a multiple of "
                    + resolution + " iterations (or of " + maxIter + ") to reach it, found in " + fits
                    + " fits; its time from the first gradient job");
        } finally {
            train.unpersist(false);
            test.unpersist(false);
        }
    }

    private Fit fit(String solver, int iterations, Dataset<Row> train, Dataset<Row> test) {
        FirstGradientJob clock = new FirstGradientJob();
        spark.sparkContext().addSparkListener(clock);
        MultilayerPerceptronClassificationModel model;
        long end;
        try {
            model = new MultilayerPerceptronClassifier().setLayers(layers).setSolver(solver).setMaxIter(iterations)
                    .setBlockSize(blockSize).setSeed(0L).fit(train);
            end = System.currentTimeMillis();
            clock.await(30_000);
        } finally {
            spark.sparkContext().removeSparkListener(clock);
        }
        long right = model.transform(test).filter(col("prediction").equalTo(col("label"))).count();
        return new Fit((end - clock.start()) / 1000.0, (double) right / test.count());
    }

    /** The submission time of the first job of a fit that aggregates a gradient. */
    private static final class FirstGradientJob extends SparkListener {
        private volatile long start;

        @Override
        public void onJobStart(SparkListenerJobStart jobStart) {
            for (StageInfo stage : CollectionConverters.asJava(jobStart.stageInfos())) {
                if (start == 0 && stage.name().contains("treeAggregate")) {
                    start = jobStart.time();
                }
            }
        }

        void await(long timeoutMs) {
            long deadline = System.currentTimeMillis() + timeoutMs;
            while (start == 0 && System.currentTimeMillis() < deadline) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for Spark's job events", e);
                }
            }
            if (start == 0) {
                throw new IllegalStateException("no gradient job of MLlib's fit was seen in Spark's job events");
            }
        }

        long start() {
            return start;
        }
    }
}
