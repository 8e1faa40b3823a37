package io.mnistspark.job;

import io.mnistspark.data.Shard;
import io.mnistspark.data.ShardedDataset;
import io.mnistspark.data.ImageBlock;
import java.io.Serializable;
import java.util.Arrays;

/**
 * Label histograms and pixel density of the persisted blocks, counted on the executors from the blocks
 * themselves (so they describe exactly what training sees). Integer counts: any merge order agrees.
 */
public final class DatasetStats implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Counts by label, each array as long as the largest label seen so far plus one. */
    private long[] train = new long[0];
    private long[] validation = new long[0];
    private long[] test = new long[0];
    private long nonzeros;
    private long pixels;

    public static DatasetStats of(ShardedDataset dataset) {
        DatasetStats fromTraining = dataset.training().treeAggregate(new DatasetStats(),
                DatasetStats::addShard, DatasetStats::merge, 2);
        DatasetStats fromTest = dataset.test().treeAggregate(new DatasetStats(),
                DatasetStats::addTest, DatasetStats::merge, 2);
        return fromTraining.merge(fromTest);
    }

    private DatasetStats addShard(Shard shard) {
        train = addRows(shard.train(), train);
        validation = addRows(shard.validation(), validation);
        return this;
    }

    private DatasetStats addTest(ImageBlock rows) {
        test = addRows(rows, test);
        return this;
    }

    /** Counts the block's labels into {@code histogram}, grown as needed, and returns it. */
    private long[] addRows(ImageBlock rows, long[] histogram) {
        long[] counts = histogram;
        for (int r = 0; r < rows.rows(); r++) {
            int label = rows.label(r);
            if (label >= counts.length) {
                counts = Arrays.copyOf(counts, label + 1);
            }
            counts[label]++;
        }
        nonzeros += rows.nonzeros();
        pixels += (long) rows.rows() * rows.features();
        return counts;
    }

    private DatasetStats merge(DatasetStats other) {
        train = sum(train, other.train);
        validation = sum(validation, other.validation);
        test = sum(test, other.test);
        nonzeros += other.nonzeros;
        pixels += other.pixels;
        return this;
    }

    private static long[] sum(long[] counts, long[] more) {
        long[] total = counts.length >= more.length ? counts : Arrays.copyOf(counts, more.length);
        for (int c = 0; c < more.length; c++) {
            total[c] += more[c];
        }
        return total;
    }

    /** Counts of labels 0..classes-1 among the training rows. */
    public long[] trainHistogram(int classes) {
        return Arrays.copyOf(train, classes);
    }

    public long[] validationHistogram(int classes) {
        return Arrays.copyOf(validation, classes);
    }

    public long[] testHistogram(int classes) {
        return Arrays.copyOf(test, classes);
    }

    /** Nonzero pixels over all pixels, across train, validation and test. */
    public double nonzeroFraction() {
        return pixels == 0 ? 0.0 : (double) nonzeros / pixels;
    }
}
