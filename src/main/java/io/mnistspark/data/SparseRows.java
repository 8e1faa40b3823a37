package io.mnistspark.data;

import java.io.Serializable;

/**
 * A block of labelled images stored by their nonzero pixels (CSR): row {@code r} has the pixels
 * {@code columns[rowStart[r] .. rowStart[r+1])} with raw values {@code pixels[...]} (0-255, stored as
 * bytes; {@link #scaled(int)} gives {@code p / 255.0}). MNIST is about 81% zeros, so a product with a
 * weight matrix costs about a fifth of the dense one and gives the same sums, zeros contributing nothing.
 *
 * <p>Holds data only; the arithmetic lives in {@code model.BlockKernel}.
 */
public final class SparseRows implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final double[] SCALE = new double[256];

    static {
        for (int p = 0; p < 256; p++) {
            SCALE[p] = p / 255.0;
        }
    }

    private final int features;
    private final int[] rowStart;
    private final int[] columns;
    private final byte[] pixels;
    private final byte[] labels;

    SparseRows(int features, int[] rowStart, int[] columns, byte[] pixels, byte[] labels) {
        if (rowStart.length != labels.length + 1) {
            throw new IllegalArgumentException("rowStart has " + rowStart.length + " entries for "
                    + labels.length + " rows; expected rows + 1");
        }
        if (columns.length != pixels.length || rowStart[labels.length] != columns.length) {
            throw new IllegalArgumentException("CSR arrays disagree: " + columns.length + " columns, "
                    + pixels.length + " values, last row ends at " + rowStart[labels.length]);
        }
        this.features = features;
        this.rowStart = rowStart;
        this.columns = columns;
        this.pixels = pixels;
        this.labels = labels;
    }

    /** {@code p / 255.0} for a stored raw pixel; exactly the notebook's scaling (one correctly rounded division). */
    public static double scale(byte raw) {
        return SCALE[raw & 0xff];
    }

    public int rows() {
        return labels.length;
    }

    /** Pixels per image (the dense row length). */
    public int features() {
        return features;
    }

    public int nonzeros() {
        return columns.length;
    }

    public int label(int row) {
        return labels[row] & 0xff;
    }

    public int rowStart(int row) {
        return rowStart[row];
    }

    public int rowEnd(int row) {
        return rowStart[row + 1];
    }

    public int column(int entry) {
        return columns[entry];
    }

    public double scaled(int entry) {
        return SCALE[pixels[entry] & 0xff];
    }

    /** Bytes held by the arrays, for memory reports. */
    public long sizeInBytes() {
        return 4L * rowStart.length + 4L * columns.length + pixels.length + labels.length;
    }

    /** A dense copy of one row, scaled; for tests and reference computations. */
    public double[] denseRow(int row) {
        double[] dense = new double[features];
        for (int e = rowStart[row]; e < rowStart[row + 1]; e++) {
            dense[columns[e]] = scaled(e);
        }
        return dense;
    }

    /** The rows {@code [from, to)} as their own block (copies). */
    public SparseRows slice(int from, int to) {
        if (from < 0 || to > rows() || from > to) {
            throw new IndexOutOfBoundsException("slice " + from + ".." + to + " of " + rows() + " rows");
        }
        int base = rowStart[from];
        int[] starts = new int[to - from + 1];
        for (int r = from; r <= to; r++) {
            starts[r - from] = rowStart[r] - base;
        }
        int[] cols = java.util.Arrays.copyOfRange(columns, base, rowStart[to]);
        byte[] vals = java.util.Arrays.copyOfRange(pixels, base, rowStart[to]);
        byte[] labs = java.util.Arrays.copyOfRange(labels, from, to);
        return new SparseRows(features, starts, cols, vals, labs);
    }
}
