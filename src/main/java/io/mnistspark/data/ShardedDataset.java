package io.mnistspark.data;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;

/**
 * The persisted Spark datasets a run trains and tests on. Each partition opens the source itself and
 * reads only its own range of records (the driver never holds a pixel), splits them into training and
 * validation rows with the broadcast {@link TrainValidationSplit}, and keeps them as one {@link Shard}.
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
    public static ShardedDataset load(JavaSparkContext sc, DatasetInfo info, TrainValidationSplit split,
            int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
        }
        if (split.records() != info.count(Part.TRAIN)) {
            throw new IllegalArgumentException("split covers " + split.records() + " records but the training file has "
                    + info.count(Part.TRAIN));
        }
        DataLocation location = info.location();
        ImageShape shape = info.shape();
        Broadcast<HadoopConf> conf = hadoopConf(sc);
        Broadcast<TrainValidationSplit> splitBroadcast = sc.broadcast(split);
        int trainRecords = info.count(Part.TRAIN);

        JavaRDD<Shard> training = sc.parallelize(indices(partitions), partitions)
                .map(index -> readShard(location, shape, conf.value(), splitBroadcast.value(), index, partitions,
                        trainRecords))
                .setName("training shards (train + validation rows)")
                .persist(StorageLevel.MEMORY_AND_DISK());
        JavaRDD<ImageBlock> test = loadTest(sc, info, partitions);
        // The broadcasts stay alive: they are part of the lineage Spark replays if a cached block is lost.
        training.count();
        return new ShardedDataset(training, test, partitions);
    }

    /** Only the test rows, persisted and read once (for evaluating a saved model). */
    public static JavaRDD<ImageBlock> loadTest(JavaSparkContext sc, DatasetInfo info, int partitions) {
        DataLocation location = info.location();
        ImageShape shape = info.shape();
        Broadcast<HadoopConf> conf = hadoopConf(sc);
        int testRecords = info.count(Part.TEST);
        JavaRDD<ImageBlock> test = sc.parallelize(indices(partitions), partitions)
                .map(index -> readRange(location, shape, conf.value(), Part.TEST,
                        first(index, partitions, testRecords), first(index + 1, partitions, testRecords)))
                .setName("test rows")
                .persist(StorageLevel.MEMORY_AND_DISK());
        test.count();
        return test;
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

    /**
     * The driver's Hadoop settings, shipped once. Captured directly, the configuration (hundreds of
     * entries) would be part of every task of every step, since the persisted RDDs keep their lineage.
     */
    private static Broadcast<HadoopConf> hadoopConf(JavaSparkContext sc) {
        return sc.broadcast(new HadoopConf(sc.hadoopConfiguration()));
    }

    /** The first record of partition {@code index} when {@code records} are cut into {@code parts} ranges. */
    static int first(int index, int parts, int records) {
        return (int) ((long) index * records / parts);
    }

    private static Shard readShard(DataLocation location, ImageShape shape, HadoopConf conf,
            TrainValidationSplit split, int index, int parts, int records) {
        int from = first(index, parts, records);
        int to = first(index + 1, parts, records);
        ImageBlockBuilder train = new ImageBlockBuilder(shape.pixels());
        ImageBlockBuilder validation = new ImageBlockBuilder(shape.pixels());
        byte[] pixels = new byte[shape.pixels()];
        try (RecordCursor cursor = DatasetReader.open(location, Part.TRAIN, from, to, conf.get())) {
            for (int record = from; record < to; record++) {
                int label = cursor.next(pixels);
                (split.isValidation(record) ? validation : train).add(pixels, label);
            }
        }
        return new Shard(index, train.build(), validation.build());
    }

    private static ImageBlock readRange(DataLocation location, ImageShape shape, HadoopConf conf, Part part,
            int from, int to) {
        ImageBlockBuilder rows = new ImageBlockBuilder(shape.pixels());
        byte[] pixels = new byte[shape.pixels()];
        try (RecordCursor cursor = DatasetReader.open(location, part, from, to, conf.get())) {
            for (int record = from; record < to; record++) {
                int label = cursor.next(pixels);
                rows.add(pixels, label);
            }
        }
        return rows.build();
    }

    private static List<Integer> indices(int count) {
        List<Integer> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(i);
        }
        return list;
    }
}
