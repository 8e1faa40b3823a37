package io.mnistspark.data;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A block of labelled rows, stored the way the training kernel reads them: in chunks of
 * {@link #CHUNK_ROWS} consecutive rows, and inside a chunk column by column (column-major), keeping only
 * the nonzero values. A chunk's nonempty columns (feature indexes, ascending) are taken two at a time; for
 * each such column pair, the chunk rows where either value is nonzero (ascending) and both values there
 * (one of them may be 0; {@link #scaledA(int)}). The last pair of a chunk may hold one column only.
 *
 * <p>The values take one of two forms, chosen per block by {@link ImageBlockBuilder}: raw pixel bytes
 * 0-255 read as {@code p / 255.0} when every value is such a fraction (byte images), else doubles as given
 * (standardized or other real features). The layout is the same in both, and so is the kernel.
 *
 * <p>Why this layout: a chunk's hidden sums (32 rows x 128 doubles) fit in a core's L1 cache, so the
 * kernel can hold the W1 rows of a column pair in registers and add both into each row that needs them
 * with one load and one store of that row's sums; the weight gradient is summed pair by pair the same
 * way. Each row's sums still run over its columns in ascending order. MNIST is 81% zeros, and neighbouring
 * pixels of a stroke are nonzero together: an entry (chunk row and two raw pixels) costs 3 bytes for
 * about 1.7 nonzero pixels, a pair 12 bytes, so the block takes about a sixteenth of a dense float64 copy.
 *
 * <p>Holds data only; the arithmetic lives in {@code model.BlockKernel}.
 */
public final class ImageBlock implements Serializable {
    private static final long serialVersionUID = 4L;
    /** Rows per chunk; a chunk row index fits in a byte. */
    public static final int CHUNK_ROWS = 32;
    /** {@link #pixelB(int)} of a pair that holds one column. */
    public static final int NO_PIXEL = -1;
    /** Largest class index a block holds (labels take two bytes a row when some label exceeds 255). */
    public static final int MAX_LABEL = 65535;

    private final int features;
    private final int nonzeros;
    private final RowLabels labels;
    /** Chunk c's column pairs are {@code [chunkPairs[c], chunkPairs[c + 1])}. */
    private final int[] chunkPairs;
    private final int[] pixelA;
    private final int[] pixelB;
    /** Pair p's entries are {@code [entryStart[p], entryStart[p + 1])}. */
    private final int[] entryStart;
    private final byte[] entryRow;
    /**
     * The entry values: raw pixels (rawA, rawB) in the byte form, doubles (realA, realB) otherwise, the other
     * pair null. Fields of the block, not a value object with two implementations: reading through one more
     * object made the plain kernel 7% slower; the null test costs nothing measurable (README, "Real-valued features").
     */
    private final byte[] rawA;
    private final byte[] rawB;
    private final double[] realA;
    private final double[] realB;

    ImageBlock(int features, int nonzeros, RowLabels labels, int[] chunkPairs, int[] pixelA, int[] pixelB,
            int[] entryStart, byte[] entryRow, EntryValues values) {
        int rows = labels.rows();
        int chunks = (rows + CHUNK_ROWS - 1) / CHUNK_ROWS;
        if (chunkPairs.length != chunks + 1 || chunkPairs[chunks] != pixelA.length || pixelB.length != pixelA.length) {
            throw new IllegalArgumentException("chunk table has " + chunkPairs.length + " entries for "
                    + rows + " rows (" + chunks + " chunks) and " + pixelA.length + " column pairs");
        }
        if (entryStart.length != pixelA.length + 1 || entryStart[pixelA.length] != entryRow.length
                || values.entries() != entryRow.length) {
            throw new IllegalArgumentException("column pair table disagrees with " + entryRow.length + " entries");
        }
        this.features = features;
        this.nonzeros = nonzeros;
        this.labels = labels;
        this.chunkPairs = chunkPairs;
        this.pixelA = pixelA;
        this.pixelB = pixelB;
        this.entryStart = entryStart;
        this.entryRow = entryRow;
        this.rawA = values.rawA();
        this.rawB = values.rawB();
        this.realA = values.realA();
        this.realB = values.realB();
    }

    public int rows() {
        return labels.rows();
    }

    /** Values per row (the dense row length). */
    public int features() {
        return features;
    }

    /** Nonzero values over all rows. */
    public int nonzeros() {
        return nonzeros;
    }

    /** Whether the values are raw pixel bytes (read as {@code p / 255.0}) rather than doubles. */
    public boolean isByteForm() {
        return realA == null;
    }

    /** Row r's class index, 0..{@link #MAX_LABEL}. */
    public int label(int row) {
        return labels.get(row);
    }

    public int chunks() {
        return chunkPairs.length - 1;
    }

    /** Rows in chunk c: {@link #CHUNK_ROWS}, fewer in the last one. */
    public int chunkRows(int chunk) {
        return Math.min(CHUNK_ROWS, rows() - chunk * CHUNK_ROWS);
    }

    /** First column pair of chunk c; its pairs run to {@code firstPair(c + 1)}. */
    public int firstPair(int chunk) {
        return chunkPairs[chunk];
    }

    /** The first column (0 .. features-1) of column pair p. */
    public int pixelA(int pair) {
        return pixelA[pair];
    }

    /** The second, larger column of column pair p, or {@link #NO_PIXEL} when the pair holds one column. */
    public int pixelB(int pair) {
        return pixelB[pair];
    }

    /** First entry of column pair p; its entries run to {@code firstEntry(p + 1)}. */
    public int firstEntry(int pair) {
        return entryStart[pair];
    }

    /** The chunk row (0 .. CHUNK_ROWS-1) of entry e. */
    public int entryRow(int entry) {
        return entryRow[entry];
    }

    /**
     * The value of the pair's first column at entry e (0.0 where only the second is nonzero): the raw pixel
     * over 255 in the byte form, the stored double otherwise. The kernel reads values only here and in scaledB.
     */
    public double scaledA(int entry) {
        double[] real = realA;
        return real == null ? PixelScale.scale(rawA[entry] & 0xff) : real[entry];
    }

    /** The value of the pair's second column at entry e (0.0 where only the first is nonzero). */
    public double scaledB(int entry) {
        double[] real = realB;
        return real == null ? PixelScale.scale(rawB[entry] & 0xff) : real[entry];
    }

    /** Bytes held by the arrays, for memory reports. */
    public long sizeInBytes() {
        return labels.sizeInBytes() + 4L * chunkPairs.length + 8L * pixelA.length + 4L * entryStart.length
                + (realA == null ? 3L : 17L) * entryRow.length;
    }

    /**
     * Row r's raw pixels (0 where the pixel is zero) into {@code image} ({@code features} long).
     *
     * @throws IllegalStateException when the block holds real values, which have no raw bytes
     */
    public void rawRow(int row, byte[] image) {
        if (realA != null) {
            throw new IllegalStateException("this block holds real values (some feature is not k/255), "
                    + "which have no raw pixel bytes; read rows with denseRow");
        }
        Arrays.fill(image, 0, features, (byte) 0);
        int[] columns = new int[features];
        double[] scaled = new double[features];
        for (int q = 0, n = sparseRow(row, columns, scaled); q < n; q++) {
            image[columns[q]] = (byte) PixelScale.rawOf(scaled[q]);
        }
    }

    /**
     * Row r's nonzero values in ascending column order: their columns into {@code columns} and values into
     * {@code row} (long enough for the row's nonzeros; {@code features} always is); returns their count.
     */
    public int sparseRow(int r, int[] columns, double[] row) {
        int chunk = r / CHUNK_ROWS;
        int inChunk = r % CHUNK_ROWS;
        int n = 0;
        for (int p = chunkPairs[chunk]; p < chunkPairs[chunk + 1]; p++) {
            for (int e = entryStart[p]; e < entryStart[p + 1]; e++) {
                if (entryRow[e] == inChunk) {
                    if (scaledA(e) != 0.0) {
                        columns[n] = pixelA[p];
                        row[n++] = scaledA(e);
                    }
                    if (scaledB(e) != 0.0) {
                        columns[n] = pixelB[p];
                        row[n++] = scaledB(e);
                    }
                    break;
                }
            }
        }
        return n;
    }

    /** A dense copy of one row, as the kernel reads it; for tests and reference computations. */
    public double[] denseRow(int row) {
        int[] columns = new int[features];
        double[] sparse = new double[features];
        double[] dense = new double[features];
        for (int q = 0, n = sparseRow(row, columns, sparse); q < n; q++) {
            dense[columns[q]] = sparse[q];
        }
        return dense;
    }

    /** Every row, as the kernel reads it, into {@code dense} (rows x features, row-major; zeros are not written). */
    public void scatterScaled(double[] dense) {
        if (dense.length < (long) rows() * features) {
            throw new IllegalArgumentException(rows() + " rows of " + features + " values do not fit "
                    + dense.length + " doubles");
        }
        for (int chunk = 0; chunk < chunks(); chunk++) {
            int first = chunk * CHUNK_ROWS;
            for (int p = chunkPairs[chunk]; p < chunkPairs[chunk + 1]; p++) {
                for (int e = entryStart[p]; e < entryStart[p + 1]; e++) {
                    int base = (first + entryRow[e]) * features;
                    if (scaledA(e) != 0.0) {
                        dense[base + pixelA[p]] = scaledA(e);
                    }
                    if (scaledB(e) != 0.0) {
                        dense[base + pixelB[p]] = scaledB(e);
                    }
                }
            }
        }
    }

    /** The rows {@code [from, to)} as their own block (copies; the builder chooses the slice's form again). */
    public ImageBlock slice(int from, int to) {
        if (from < 0 || to > rows() || from > to) {
            throw new IndexOutOfBoundsException("slice " + from + ".." + to + " of " + rows() + " rows");
        }
        ImageBlockBuilder builder = new ImageBlockBuilder(features);
        int[] columns = new int[features];
        double[] row = new double[features];
        for (int r = from; r < to; r++) {
            builder.addSparse(columns, row, sparseRow(r, columns, row), label(r));
        }
        return builder.build();
    }
}
