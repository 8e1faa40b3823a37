package io.mnistspark.data;

import java.util.Arrays;

/**
 * The rows of the chunk being filled, held sparsely until {@link ImageBlockBuilder} regroups them by column
 * pairs: per row, its nonzero columns (ascending) and their values. Sparse, so that rows with many
 * features (a hashed text vector, 2^18 columns) cost their nonzeros, not {@code 32 x features}, and the
 * chunk's nonempty columns are found by marking or sorting the rows' columns, not by scanning every feature.
 *
 * <p>Checks every row before it is kept: a refused row leaves the chunk as it was.
 */
final class PendingRows {
    private static final int R = ImageBlock.CHUNK_ROWS;
    /** {@link #nextColumn} of a row whose nonzeros are all handed out: no column has this number. */
    private static final int NONE = Integer.MIN_VALUE;

    private final int features;
    private int rows;
    /** Row i's nonzeros are {@code [rowStart[i], rowStart[i + 1])}. */
    private final int[] rowStart = new int[R + 1];
    /** Per row, its next nonzero not yet handed out by {@link #take}, and that nonzero's column (or none). */
    private final int[] cursor = new int[R];
    private final int[] nextColumn = new int[R];
    private int[] columns = new int[1 << 12];
    private double[] values = new double[1 << 12];
    /** Bit set of the chunk's nonempty columns, from the smallest one; all clear between chunks. */
    private long[] marks = new long[64];

    PendingRows(int features) {
        this.features = features;
    }

    int rows() {
        return rows;
    }

    boolean full() {
        return rows == R;
    }

    /** Appends a row of raw pixels, scaled to {@code p / 255.0}. */
    void addBytes(byte[] pixels) {
        int n = rowStart[rows];
        ensure(n + pixels.length);
        for (int k = 0; k < pixels.length; k++) {
            if (pixels[k] != 0) {
                columns[n] = k;
                values[n++] = PixelScale.scale(pixels[k] & 0xff);
            }
        }
        commit(n);
    }

    /** Appends a dense row; {@code position} is the row's index in the builder, for messages. */
    void addDense(double[] row, int position) {
        int n = rowStart[rows];
        ensure(n + row.length);
        for (int k = 0; k < row.length; k++) {
            double v = row[k];
            if (v != 0.0) {
                checkFinite(v, position, k);
                columns[n] = k;
                values[n++] = v;
            }
        }
        commit(n);
    }

    /** Appends a sparse row: {@code count} strictly ascending indices below {@code features} and their values. */
    void addSparse(int[] indices, double[] row, int count, int position) {
        int n = rowStart[rows];
        ensure(n + count);
        int previous = -1;
        for (int q = 0; q < count; q++) {
            int k = indices[q];
            if (k <= previous || k >= features) {
                throw new IllegalArgumentException("row " + position + ": index " + k + " at position " + q + " "
                        + indexProblem(k, previous) + "; sparse indices must be strictly ascending column numbers");
            }
            previous = k;
            double v = row[q];
            if (v != 0.0) {
                checkFinite(v, position, k);
                columns[n] = k;
                values[n++] = v;
            }
        }
        commit(n);
    }

    /**
     * The chunk's nonempty columns, ascending, into {@code out} (at least {@link #nonzeros()} long); returns
     * their count and rewinds {@link #take}. Marks the columns in a bit set over their range when it is
     * narrow (at most 64 columns per nonzero: images, any dense-ish data), else sorts them (wide sparse rows).
     */
    int nonemptyColumns(int[] out) {
        for (int i = 0; i < rows; i++) {
            cursor[i] = rowStart[i];
            nextColumn[i] = rowStart[i] < rowStart[i + 1] ? columns[rowStart[i]] : NONE;
        }
        int nonzeros = rowStart[rows];
        if (nonzeros == 0) {
            return 0;
        }
        int min = Integer.MAX_VALUE;
        int max = -1;
        for (int q = 0; q < nonzeros; q++) {
            min = Math.min(min, columns[q]);
            max = Math.max(max, columns[q]);
        }
        return (long) max - min < 64L * nonzeros ? markColumns(out, min, max) : sortColumns(out);
    }

    private int markColumns(int[] out, int min, int max) {
        int words = ((max - min) >>> 6) + 1;
        if (marks.length < words) {
            marks = new long[Math.max(words, 2 * marks.length)];
        }
        for (int q = 0, nonzeros = rowStart[rows]; q < nonzeros; q++) {
            int bit = columns[q] - min;
            marks[bit >>> 6] |= 1L << bit;
        }
        int count = 0;
        for (int w = 0; w < words; w++) {
            for (long word = marks[w]; word != 0; word &= word - 1) {
                out[count++] = min + (w << 6) + Long.numberOfTrailingZeros(word);
            }
            marks[w] = 0;
        }
        return count;
    }

    private int sortColumns(int[] out) {
        int nonzeros = rowStart[rows];
        System.arraycopy(columns, 0, out, 0, nonzeros);
        Arrays.sort(out, 0, nonzeros);
        int count = 0;
        for (int q = 0; q < nonzeros; q++) {
            if (count == 0 || out[q] != out[count - 1]) {
                out[count++] = out[q];
            }
        }
        return count;
    }

    /**
     * Row i's value at {@code column}, or 0.0: columns must be asked for in ascending order, each row's
     * cursor moving past the value it hands out.
     */
    double take(int i, int column) {
        if (nextColumn[i] != column) {
            return 0.0;
        }
        int c = cursor[i]++;
        nextColumn[i] = c + 1 < rowStart[i + 1] ? columns[c + 1] : NONE;
        return values[c];
    }

    /** Nonzeros held, an upper bound on the chunk's nonempty columns. */
    int nonzeros() {
        return rowStart[rows];
    }

    void clear() {
        rows = 0;
    }

    private void commit(int end) {
        rowStart[++rows] = end;
    }

    private void ensure(int capacity) {
        if (capacity > columns.length) {
            int grown = (int) Math.min(Integer.MAX_VALUE - 16L, Math.max(2L * columns.length, capacity));
            columns = Arrays.copyOf(columns, grown);
            values = Arrays.copyOf(values, grown);
        }
    }

    private String indexProblem(int k, int previous) {
        if (k < 0 || k >= features) {
            return "is outside 0.." + (features - 1);
        }
        return k == previous ? "repeats the previous index" : "is below the previous index " + previous;
    }

    private static void checkFinite(double v, int position, int column) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("row " + position + ", column " + column + ": " + v
                    + " is not a finite value; features must be finite numbers");
        }
    }
}
