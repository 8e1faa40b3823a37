package io.mnistspark.bench;

import io.mnistspark.data.Shard;
import io.mnistspark.data.SparseRows;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.classification.MultilayerPerceptronClassifier;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Times Spark MLlib's {@code MultilayerPerceptronClassifier} (layers in-hidden-classes, solver {@code gd}) on
 * the same training rows, in the same partitions, as sparse vectors in a cached DataFrame.
 *
 * <p>A fit first stacks the rows into dense blocks of {@code blockSize} rows and caches them, then runs its
 * iterations (each a broadcast and a {@code treeAggregate} of the gradient over the blocks). So a fit of
 * one iteration costs setup plus one iteration; the difference between the medians of 2-iteration and
 * 1-iteration fits is the cost of one iteration. MLlib's hidden layer is a sigmoid, not a ReLU; the matrix
 * products, which are nearly all of the work, have the same shapes. It has no validation pass.
 */
public final class MllibReference {
    /** Fit times of 1 and 2 iterations, and the per-iteration cost their medians imply. */
    public record Result(Timing oneIteration, Timing twoIterations, int blockSize, long rows) {
        public double perIteration() {
            return twoIterations.median() - oneIteration.median();
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

    /** One unrecorded fit when {@code warmup > 0}, then {@code repeats} fits of 1 and of 2 iterations, alternated. */
    public Result time(JavaRDD<Shard> shards, int warmup, int repeats, Progress progress) {
        Dataset<Row> frame = trainingFrame(shards).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            long rows = frame.count();
            int total = (warmup > 0 ? 1 : 0) + 2 * repeats;
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
            return new Result(Timing.of(one), Timing.of(two), blockSize, rows);
        } finally {
            frame.unpersist(false);
        }
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

    /** The shards' training rows as (label double, features sparse vector), partitioned as the shards. */
    private Dataset<Row> trainingFrame(JavaRDD<Shard> shards) {
        JavaRDD<Row> rows = shards.flatMap(shard -> rowsOf(shard.train()));
        StructType schema = new StructType()
                .add("label", DataTypes.DoubleType, false)
                .add("features", SQLDataTypes.VectorType(), false);
        return spark.createDataFrame(rows, schema);
    }

    private static Iterator<Row> rowsOf(SparseRows block) {
        List<Row> rows = new ArrayList<>(block.rows());
        for (int r = 0; r < block.rows(); r++) {
            int count = block.rowEnd(r) - block.rowStart(r);
            int[] indices = new int[count];
            double[] values = new double[count];
            for (int i = 0; i < count; i++) {
                indices[i] = block.column(block.rowStart(r) + i);
                values[i] = block.scaled(block.rowStart(r) + i);
            }
            rows.add(RowFactory.create((double) block.label(r), Vectors.sparse(block.features(), indices, values)));
        }
        return rows.iterator();
    }
}
