package io.mnistspark.ml;

import io.mnistspark.data.Shard;
import io.mnistspark.data.ShardBuilder;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * A DataFrame's rows as the persisted shards the engine trains on: each input partition packs its own rows,
 * in their order, into one {@link Shard} (training rows and validation rows apart), so the driver never
 * holds a feature. The packing is the data layer's ({@link ShardBuilder}), the same as the command line's
 * table formats use: byte-valued images ({@code k / 255}) keep the compact byte form, other values are kept
 * as doubles (the block builder decides per block).
 */
final class DataFrameShards {
    private DataFrameShards() {
    }

    /**
     * Packs and persists the shards, and reads them once so that they are in memory before the first step.
     * Expects input that {@link FitInput#check} accepted.
     *
     * @param indicator the validation indicator column, or null for none
     */
    static JavaRDD<Shard> pack(Dataset<?> dataset, String featuresCol, String labelCol, String indicator,
            int features) {
        Dataset<Row> columns = indicator == null ? dataset.select(featuresCol, labelCol)
                : dataset.select(featuresCol, labelCol, indicator);
        boolean hasIndicator = indicator != null;
        JavaRDD<Shard> shards = columns.javaRDD()
                .mapPartitionsWithIndex((index, rows) -> List.of(shard(index, rows, features, hasIndicator)).iterator(),
                        true)
                .setName("training shards (train + validation rows) of " + featuresCol)
                .persist(StorageLevel.MEMORY_AND_DISK());
        shards.count();
        return shards;
    }

    private static Shard shard(int index, Iterator<Row> rows, int features, boolean hasIndicator) {
        ShardBuilder shard = new ShardBuilder(features);
        while (rows.hasNext()) {
            Row row = rows.next();
            int label = (int) ((Number) row.get(1)).doubleValue();
            shard.add((Vector) row.get(0), label, hasIndicator && row.getBoolean(2));
        }
        return shard.build(index);
    }
}
