package io.mnistspark.data;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Lays a table's rows out over the partitions exactly as the record formats read theirs: the rows are
 * numbered in file order ({@code zipWithIndex} over {@link TableRows}), each is sent to the partition
 * whose range {@code [i * n / p, (i + 1) * n / p)} holds its number ({@link RecordRangePartitioner}), and
 * each partition packs its rows in ascending order. So the blocks, and every sum over them, are the ones
 * the same images read from IDX files give, bit for bit. The features move through Spark's shuffle,
 * never through the driver; the file is parsed once here ({@link #inRanges}).
 */
final class TableLayout {
    private TableLayout() {
    }

    /** The training file's rows as one {@link Shard} a partition, split by {@code split}. */
    static JavaRDD<Shard> training(TableRows rows, DatasetInfo info, TrainValidationSplit split, int partitions) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(rows.rows().context());
        Broadcast<TrainValidationSplit> splitBroadcast = sc.broadcast(split);
        int features = info.shape().pixels();
        int records = info.count(Part.TRAIN);
        String uri = rows.files().uri();
        return inRanges(rows, records, partitions).mapPartitionsWithIndex((index, numbered) -> {
            ShardBuilder shard = new ShardBuilder(features);
            TrainValidationSplit rowsSplit = splitBroadcast.value();
            int first = ShardedDataset.first(index, partitions, records);
            int end = ShardedDataset.first(index + 1, partitions, records);
            int record = first;
            while (numbered.hasNext()) {
                Tuple2<Long, LabeledRow> next = numbered.next();
                requireRow(uri, next._1(), record++, end);
                LabeledRow row = next._2();
                shard.add(row.indices(), row.values(), row.label(), rowsSplit.isValidation(next._1().intValue()));
            }
            requireAll(uri, record, end);
            return List.of(shard.build(index)).iterator();
        }, true);
    }

    /** The test file's rows, one block a partition; {@code rows} null (no test data) gives empty blocks. */
    static JavaRDD<ImageBlock> test(JavaSparkContext sc, TableRows rows, DatasetInfo info, int partitions) {
        int features = info.shape().pixels();
        int records = info.count(Part.TEST);
        if (rows == null) {
            List<Integer> indices = new ArrayList<>();
            for (int i = 0; i < partitions; i++) {
                indices.add(i);
            }
            return sc.parallelize(indices, partitions).map(index -> new ImageBlockBuilder(features).build());
        }
        String uri = rows.files().uri();
        return inRanges(rows, records, partitions).mapPartitionsWithIndex((index, numbered) -> {
            ImageBlockBuilder block = new ImageBlockBuilder(features);
            int record = ShardedDataset.first(index, partitions, records);
            int end = ShardedDataset.first(index + 1, partitions, records);
            while (numbered.hasNext()) {
                Tuple2<Long, LabeledRow> next = numbered.next();
                requireRow(uri, next._1(), record++, end);
                LabeledRow row = next._2();
                block.add(row.indices(), row.values(), row.label());
            }
            requireAll(uri, record, end);
            return List.of(block.build()).iterator();
        }, true);
    }

    /**
     * Every row numbered in file order and moved to the partition of its number, ascending there. The rows
     * are parsed once: {@code zipWithIndex}'s counting job caches them as it goes, the shuffle's map side
     * runs from that cache at once, and the cache is dropped; later jobs read the shuffle's output. (Were it
     * lost, Spark would recompute it from the file through the same partitions, so the numbers stay.)
     */
    private static JavaPairRDD<Long, LabeledRow> inRanges(TableRows rows, int records, int partitions) {
        JavaRDD<LabeledRow> parsed = rows.rows().map(LabeledRow::of).persist(StorageLevel.MEMORY_AND_DISK());
        JavaPairRDD<Long, LabeledRow> moved = parsed.zipWithIndex()
                .mapToPair(numbered -> new Tuple2<>(numbered._2(), numbered._1()))
                .repartitionAndSortWithinPartitions(new RecordRangePartitioner(records, partitions));
        moved.count();
        parsed.unpersist(false);
        return moved;
    }

    /** Refuses a row other than the one due next in the partition's range: the data changed after inspect. */
    private static void requireRow(String uri, long number, int expected, int end) {
        if (number != expected || expected >= end) {
            throw new DataException(uri + ": row " + (number + 1) + " arrived where row " + (expected + 1) + " was due; "
                    + "the data changed after it was checked, run the job again");
        }
    }

    /** Refuses a partition that ended before its range did. */
    private static void requireAll(String uri, int record, int end) {
        if (record != end) {
            throw new DataException(uri + ": rows " + (record + 1) + " to " + end + " are missing; the data changed "
                    + "after it was checked, run the job again");
        }
    }
}
