package io.mnistspark.data;

import java.io.Serializable;

/**
 * A block of labelled images, stored the way the training kernel reads them: in chunks of
 * {@link #CHUNK_ROWS} consecutive rows, and inside a chunk pixel by pixel (column-major), keeping only
 * the nonzero pixels. A chunk's nonempty columns (pixel indexes, ascending) are taken two at a time; for
 * each such column pair, the chunk rows where either pixel is nonzero (ascending) and both raw pixels
 * there (0-255, one of them may be 0; {@link #scaledA(int)} gives {@code p / 255.0}). The last pair of a
 * chunk may hold one column only.
 *
 * <p>Why this layout: a chunk's hidden sums (32 rows x 128 doubles) fit in a core's L1 cache, so the
 * kernel can hold the W1 rows of a column pair in registers and add both into each row that needs them
 * with one load and one store of that row's sums; the weight gradient is summed pair by pair the same
 * way. Each row's sums still run over its pixels in ascending order. MNIST is 81% zeros, and neighbouring
 * pixels of a stroke are nonzero together: an entry (chunk row and two raw pixels) costs 3 bytes for
 * about 1.7 nonzero pixels, a pair 12 bytes, so the block takes about a sixteenth of a dense float64 copy.
 *
 * <p>Holds data only; the arithmetic lives in {@code model.BlockKernel}.
 */
public final class ImageBlock implements Serializable {
    private static final long serialVersionUID = 3L;
    /** Rows per chunk; a chunk row index fits in a byte. */
    public static final int CHUNK_ROWS = 32;
    /** {@link #pixelB(int)} of a pair that holds one column. */
    public static final int NO_PIXEL = -1;
    private static final double[] SCALE = new double[256];

    static {
        for (int p = 0; p < 256; p++) {
            SCALE[p] = p / 255.0;
        }
    }

    private final int features;
    private final int nonzeros;
    private final byte[] labels;
    /** Chunk c's column pairs are {@code [chunkPairs[c], chunkPairs[c + 1])}. */
    private final int[] chunkPairs;
    private final int[] pixelA;
    private final int[] pixelB;
    /** Pair p's entries are {@code [entryStart[p], entryStart[p + 1])}. */
    private final int[] entryStart;
    private final byte[] entryRow;
    private final byte[] valueA;
    private final byte[] valueB;

    ImageBlock(int features, int nonzeros, byte[] labels, int[] chunkPairs, int[] pixelA, int[] pixelB,
            int[] entryStart, byte[] entryRow, byte[] valueA, byte[] valueB) {
        int chunks = (labels.length + CHUNK_ROWS - 1) / CHUNK_ROWS;
        if (chunkPairs.length != chunks + 1 || chunkPairs[chunks] != pixelA.length || pixelB.length != pixelA.length) {
            throw new IllegalArgumentException("chunk table has " + chunkPairs.length + " entries for "
                    + labels.length + " rows (" + chunks + " chunks) and " + pixelA.length + " column pairs");
        }
        if (entryStart.length != pixelA.length + 1 || entryStart[pixelA.length] != entryRow.length
                || valueA.length != entryRow.length || valueB.length != entryRow.length) {
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
        this.valueA = valueA;
        this.valueB = valueB;
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

    /** Nonzero pixels over all rows. */
    public int nonzeros() {
        return nonzeros;
    }

    public int label(int row) {
        return labels[row] & 0xff;
    }

    public int chunks() {
        return chunkPairs.length - 1;
    }

    /** Rows in chunk c: {@link #CHUNK_ROWS}, fewer in the last one. */
    public int chunkRows(int chunk) {
        return Math.min(CHUNK_ROWS, labels.length - chunk * CHUNK_ROWS);
    }

    /** First column pair of chunk c; its pairs run to {@code firstPair(c + 1)}. */
    public int firstPair(int chunk) {
        return chunkPairs[chunk];
    }

    /** The first pixel index (0 .. features-1) of column pair p. */
    public int pixelA(int pair) {
        return pixelA[pair];
    }

    /** The second, larger pixel index of column pair p, or {@link #NO_PIXEL} when the pair holds one column. */
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

    /** The scaled pixel of the pair's first column at entry e (0.0 where only the second is nonzero). */
    public double scaledA(int entry) {
        return SCALE[valueA[entry] & 0xff];
    }

    /** The scaled pixel of the pair's second column at entry e (0.0 where only the first is nonzero). */
    public double scaledB(int entry) {
        return SCALE[valueB[entry] & 0xff];
    }

    /** Bytes held by the arrays, for memory reports. */
    public long sizeInBytes() {
        return labels.length + 4L * chunkPairs.length + 8L * pixelA.length + 4L * entryStart.length
                + 3L * entryRow.length;
    }

    /** Row r's raw pixels (0 where the pixel is zero) into {@code image} ({@code features} long). */
    public void rawRow(int row, byte[] image) {
        java.util.Arrays.fill(image, 0, features, (byte) 0);
        int chunk = row / CHUNK_ROWS;
        int inChunk = row % CHUNK_ROWS;
        for (int p = chunkPairs[chunk]; p < chunkPairs[chunk + 1]; p++) {
            for (int e = entryStart[p]; e < entryStart[p + 1]; e++) {
                if (entryRow[e] == inChunk) {
                    image[pixelA[p]] = valueA[e];
                    if (pixelB[p] != NO_PIXEL) {
                        image[pixelB[p]] = valueB[e];
                    }
                    break;
                }
            }
        }
    }

    /** A dense copy of one row, scaled; for tests and reference computations. */
    public double[] denseRow(int row) {
        byte[] raw = new byte[features];
        rawRow(row, raw);
        double[] dense = new double[features];
        for (int k = 0; k < features; k++) {
            dense[k] = scale(raw[k]);
        }
        return dense;
    }

    /** Every row, scaled, into {@code dense} (rows x features, row-major; zero pixels are not written). */
    public void scatterScaled(double[] dense) {
        if (dense.length < (long) rows() * features) {
            throw new IllegalArgumentException(rows() + " rows of " + features + " pixels do not fit "
                    + dense.length + " doubles");
        }
        for (int chunk = 0; chunk < chunks(); chunk++) {
            int first = chunk * CHUNK_ROWS;
            for (int p = chunkPairs[chunk]; p < chunkPairs[chunk + 1]; p++) {
                for (int e = entryStart[p]; e < entryStart[p + 1]; e++) {
                    int base = (first + entryRow[e]) * features;
                    if (valueA[e] != 0) {
                        dense[base + pixelA[p]] = scaledA(e);
                    }
                    if (valueB[e] != 0) {
                        dense[base + pixelB[p]] = scaledB(e);
                    }
                }
            }
        }
    }

    /** The rows {@code [from, to)} as their own block (copies). */
    public ImageBlock slice(int from, int to) {
        if (from < 0 || to > rows() || from > to) {
            throw new IndexOutOfBoundsException("slice " + from + ".." + to + " of " + rows() + " rows");
        }
        ImageBlockBuilder builder = new ImageBlockBuilder(features);
        byte[] image = new byte[features];
        for (int r = from; r < to; r++) {
            rawRow(r, image);
            builder.add(image, label(r));
        }
        return builder.build();
    }
}
