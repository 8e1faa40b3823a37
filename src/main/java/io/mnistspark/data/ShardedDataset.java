package io.mnistspark.data;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The persisted Spark datasets a run trains and tests on. Partition {@code i} holds the training file's
 * records {@code [i * n / p, (i + 1) * n / p)} in file order, split into training and validation rows with
 * the {@link TrainValidationSplit}, as one {@link Shard}; how the records get there is the format's own
 * business ({@link DataLocation#trainingShards}), the driver never holds a pixel either way.
 */
public final class ShardedDataset {
    private final JavaRDD<Shard> training;
    private final JavaRDD<ImageBlock> test;
    private final int partitions;

    private ShardedDataset(JavaRDD<Shard> training, JavaRDD<ImageBlock> test, int partitions) {
        this.training = training;
        this.test = test;
        this.partitions = partitions;
    }

    /**
     * Builds and persists both datasets, and reads them once so loading errors surface here, not in the
     * first training step.
     */
    public static ShardedDataset load(SparkSession spark, DatasetInfo info, TrainValidationSplit split,
            int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
        }
        if (split.records() != info.count(Part.TRAIN)) {
            throw new IllegalArgumentException("split covers " + split.records() + " records but the training file has "
                    + info.count(Part.TRAIN));
        }
        JavaRDD<Shard> training = info.location().trainingShards(spark, info, split, partitions)
                .setName("training shards (train + validation rows)")
                .persist(StorageLevel.MEMORY_AND_DISK());
        JavaRDD<ImageBlock> test = loadTest(spark, info, partitions);
        training.count();
        return new ShardedDataset(training, test, partitions);
    }

    /** {@link #load(SparkSession, DatasetInfo, TrainValidationSplit, int)} on the session of {@code sc}. */
    public static ShardedDataset load(JavaSparkContext sc, DatasetInfo info, TrainValidationSplit split,
            int partitions) {
        return load(session(sc), info, split, partitions);
    }

    /** Only the test rows, persisted and read once (for evaluating a saved model). */
    public static JavaRDD<ImageBlock> loadTest(SparkSession spark, DatasetInfo info, int partitions) {
        JavaRDD<ImageBlock> test = info.location().testRows(spark, info, partitions)
                .setName("test rows")
                .persist(StorageLevel.MEMORY_AND_DISK());
        test.count();
        return test;
    }

    /** {@link #loadTest(SparkSession, DatasetInfo, int)} on the session of {@code sc}. */
    public static JavaRDD<ImageBlock> loadTest(JavaSparkContext sc, DatasetInfo info, int partitions) {
        return loadTest(session(sc), info, partitions);
    }

    public JavaRDD<Shard> training() {
        return training;
    }

    public JavaRDD<ImageBlock> test() {
        return test;
    }

    public int partitions() {
        return partitions;
    }

    /** Bytes the persisted training and test blocks hold (one pass over the cached data). */
    public long sizeInBytes() {
        long train = training.map(Shard::sizeInBytes).reduce(Long::sum);
        long tests = test.map(ImageBlock::sizeInBytes).reduce(Long::sum);
        return train + tests;
    }

    /** Nonzero pixels of the persisted training, validation and test rows (one pass over the cached data). */
    public long nonzeros() {
        long train = training.map(shard -> (long) shard.train().nonzeros() + shard.validation().nonzeros())
                .reduce(Long::sum);
        long tests = test.map(block -> (long) block.nonzeros()).reduce(Long::sum);
        return train + tests;
    }

    /** Releases the cached blocks. */
    public void release() {
        training.unpersist(false);
        test.unpersist(false);
    }

    /** The first record of partition {@code index} when {@code records} are cut into {@code parts} ranges. */
    static int first(int index, int parts, int records) {
        return (int) ((long) index * records / parts);
    }

    /** The session running on {@code sc}: the active one, or one made for it. */
    private static SparkSession session(JavaSparkContext sc) {
        return SparkSession.builder().sparkContext(sc.sc()).getOrCreate();
    }
}
