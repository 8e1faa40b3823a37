package io.mnistspark.data;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * How the record formats ({@link RecordSource}s) fill the partitions: each partition opens the source itself
 * and reads only its own range of records, so the driver never holds a pixel and nothing is shuffled.
 */
final class RecordRanges {
    private RecordRanges() {
    }

    /** Partition {@code i}: training-file records {@code [first(i), first(i + 1))}, split by {@code split}. */
    static JavaRDD<Shard> training(JavaSparkContext sc, DataLocation location, DatasetInfo info,
            TrainValidationSplit split, int partitions) {
        ImageShape shape = info.shape();
        Broadcast<HadoopConf> conf = hadoopConf(sc);
        Broadcast<TrainValidationSplit> splitBroadcast = sc.broadcast(split);
        int trainRecords = info.count(Part.TRAIN);
        // The broadcasts stay alive: they are part of the lineage Spark replays if a cached block is lost.
        return sc.parallelize(indices(partitions), partitions)
                .map(index -> readShard(location, shape, conf.value(), splitBroadcast.value(), index, partitions,
                        trainRecords));
    }

    /** Partition {@code i}: test records {@code [first(i), first(i + 1))}. */
    static JavaRDD<ImageBlock> test(JavaSparkContext sc, DataLocation location, DatasetInfo info, int partitions) {
        ImageShape shape = info.shape();
        Broadcast<HadoopConf> conf = hadoopConf(sc);
        int testRecords = info.count(Part.TEST);
        return sc.parallelize(indices(partitions), partitions)
                .map(index -> readRange(location, shape, conf.value(), Part.TEST,
                        ShardedDataset.first(index, partitions, testRecords),
                        ShardedDataset.first(index + 1, partitions, testRecords)));
    }

    /**
     * The driver's Hadoop settings, shipped once. Captured directly, the configuration (hundreds of
     * entries) would be part of every task of every step, since the persisted RDDs keep their lineage.
     */
    private static Broadcast<HadoopConf> hadoopConf(JavaSparkContext sc) {
        return sc.broadcast(new HadoopConf(sc.hadoopConfiguration()));
    }

    private static Shard readShard(DataLocation location, ImageShape shape, HadoopConf conf,
            TrainValidationSplit split, int index, int parts, int records) {
        int from = ShardedDataset.first(index, parts, records);
        int to = ShardedDataset.first(index + 1, parts, records);
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
