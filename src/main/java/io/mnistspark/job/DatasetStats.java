package io.mnistspark.job;

import io.mnistspark.data.Shard;
import io.mnistspark.data.ShardedDataset;
import io.mnistspark.data.ImageBlock;
import java.io.Serializable;

/**
 * Label histograms and pixel density of the persisted blocks, counted on the executors from the blocks
 * themselves (so they describe exactly what training sees). Integer counts: any merge order agrees.
 */
public final class DatasetStats implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long[] train = new long[256];
    private final long[] validation = new long[256];
    private final long[] test = new long[256];
    private long nonzeros;
    private long pixels;

    public static DatasetStats of(ShardedDataset dataset) {
        DatasetStats fromTraining = dataset.training().treeAggregate(new DatasetStats(),
                DatasetStats::addShard, DatasetStats::merge, 2);
        DatasetStats fromTest = dataset.test().treeAggregate(new DatasetStats(),
                (stats, rows) -> stats.addRows(rows, stats.test), DatasetStats::merge, 2);
        return fromTraining.merge(fromTest);
    }

    private DatasetStats addShard(Shard shard) {
        addRows(shard.train(), train);
        return addRows(shard.validation(), validation);
    }

    private DatasetStats addRows(ImageBlock rows, long[] histogram) {
        for (int r = 0; r < rows.rows(); r++) {
            histogram[rows.label(r)]++;
        }
        nonzeros += rows.nonzeros();
        pixels += (long) rows.rows() * rows.features();
        return this;
    }

    private DatasetStats merge(DatasetStats other) {
        for (int c = 0; c < 256; c++) {
            train[c] += other.train[c];
            validation[c] += other.validation[c];
            test[c] += other.test[c];
        }
        nonzeros += other.nonzeros;
        pixels += other.pixels;
        return this;
    }

    /** Counts of labels 0..classes-1 among the training rows. */
    public long[] trainHistogram(int classes) {
        return java.util.Arrays.copyOf(train, classes);
    }

    public long[] validationHistogram(int classes) {
        return java.util.Arrays.copyOf(validation, classes);
    }

    public long[] testHistogram(int classes) {
        return java.util.Arrays.copyOf(test, classes);
    }

    /** Nonzero pixels over all pixels, across train, validation and test. */
    public double nonzeroFraction() {
        return pixels == 0 ? 0.0 : (double) nonzeros / pixels;
    }
}
