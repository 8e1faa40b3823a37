package io.mnistspark.bench;

import io.mnistspark.data.ImageBlock;

/**
 * Rows as a dense float64 matrix, the way numpy holds {@code X / 255.0}: {@code rows x features}, row-major,
 * zeros stored. Built from the sparse rows, so both hold the very same values.
 */
public final class DenseBlock {
    private final int rows;
    private final int features;
    private final double[] values;
    private final int[] labels;

    private DenseBlock(int rows, int features, double[] values, int[] labels) {
        this.rows = rows;
        this.features = features;
        this.values = values;
        this.labels = labels;
    }

    public static DenseBlock of(ImageBlock sparse) {
        int rows = sparse.rows();
        int features = sparse.features();
        long size = (long) rows * features;
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException(rows + " rows of " + features + " pixels do not fit one array; "
                    + "use more partitions");
        }
        double[] values = new double[(int) size];
        int[] labels = new int[rows];
        sparse.scatterScaled(values);
        for (int r = 0; r < rows; r++) {
            labels[r] = sparse.label(r);
        }
        return new DenseBlock(rows, features, values, labels);
    }

    public int rows() {
        return rows;
    }

    public int features() {
        return features;
    }

    /** The matrix, row-major (shared, not copied: the reference only reads it). */
    double[] values() {
        return values;
    }

    public int label(int row) {
        return labels[row];
    }

    /** Bytes of the float64 matrix. */
    public long sizeInBytes() {
        return 8L * values.length;
    }
}
