package io.mnistspark.bench;

import io.mnistspark.data.ShardedDataset;
import java.util.Map;
import org.apache.spark.SparkContext;
import org.apache.spark.storage.RDDInfo;

/**
 * Memory of the persisted train, validation and test blocks, against what the same rows take as dense
 * float64 matrices (numpy's {@code X / 255.0}).
 *
 * @param blockBytes   bytes of the blocks' arrays ({@link ShardedDataset#sizeInBytes()})
 * @param storageBytes what Spark's block manager reports for the two cached datasets (memory + disk), or -1
 *                     if it had not reported every partition cached within the wait
 * @param denseBytes   {@code rows x pixels x 8}
 * @param nonzeroFraction nonzero pixels / (rows x pixels): the blocks keep only nonzero pixels, so their size
 *                     and the kernel's work follow it
 */
public record MemoryFigures(long blockBytes, long storageBytes, long denseBytes, double nonzeroFraction) {
    private static final long WAIT_MS = 10_000;

    public static MemoryFigures of(SparkContext sc, ShardedDataset dataset, long rows, int pixels) {
        return new MemoryFigures(dataset.sizeInBytes(), storageBytes(sc, dataset), rows * pixels * 8L,
                (double) dataset.nonzeros() / (rows * pixels));
    }

    /** How many times smaller the blocks are than dense float64. */
    public double denseOverBlocks() {
        return (double) denseBytes / blockBytes;
    }

    /**
     * Spark's storage report is fed by listener events, so it can lag the caching: waits until both datasets
     * show every partition cached.
     */
    private static long storageBytes(SparkContext sc, ShardedDataset dataset) {
        Map<Integer, Integer> partitions = Map.of(dataset.training().id(), dataset.training().getNumPartitions(),
                dataset.test().id(), dataset.test().getNumPartitions());
        long deadline = System.currentTimeMillis() + WAIT_MS;
        do {
            long bytes = 0;
            int complete = 0;
            for (RDDInfo info : sc.getRDDStorageInfo()) {
                Integer expected = partitions.get(info.id());
                if (expected != null) {
                    bytes += info.memSize() + info.diskSize();
                    complete += info.numCachedPartitions() == expected ? 1 : 0;
                }
            }
            if (complete == partitions.size()) {
                return bytes;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        } while (System.currentTimeMillis() < deadline);
        return -1;
    }
}
