package io.mnistspark.bench;

import io.mnistspark.data.ShardedDataset;
import java.util.Set;
import org.apache.spark.SparkContext;
import org.apache.spark.storage.RDDInfo;

/**
 * Memory of the persisted train, validation and test blocks, against what the same rows take as dense
 * float64 matrices (numpy's {@code X / 255.0}).
 *
 * @param blockBytes   bytes of the blocks' arrays ({@link ShardedDataset#sizeInBytes()})
 * @param storageBytes what Spark's block manager reports for the two cached datasets (memory + disk): the
 *                     arrays plus object overhead, as Spark estimates it
 * @param denseBytes   {@code rows x pixels x 8}
 */
public record MemoryFigures(long blockBytes, long storageBytes, long denseBytes) {
    public static MemoryFigures of(SparkContext sc, ShardedDataset dataset, long rows, int pixels) {
        Set<Integer> ids = Set.of(dataset.training().id(), dataset.test().id());
        long storage = 0;
        for (RDDInfo info : sc.getRDDStorageInfo()) {
            if (ids.contains(info.id())) {
                storage += info.memSize() + info.diskSize();
            }
        }
        return new MemoryFigures(dataset.sizeInBytes(), storage, rows * pixels * 8L);
    }

    /** How many times smaller the blocks are than dense float64. */
    public double denseOverBlocks() {
        return (double) denseBytes / blockBytes;
    }
}
