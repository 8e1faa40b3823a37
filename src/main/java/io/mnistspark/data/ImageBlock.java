package io.mnistspark.data;

import java.io.Serializable;

/**
 * A block of labelled images, stored the way the training kernel reads them: in chunks of
 * {@link #CHUNK_ROWS} consecutive rows, and inside a chunk pixel by pixel (column-major), keeping only
 * the nonzero pixels. For each chunk, its nonempty columns (pixel indexes, ascending); for each such
 * column, its entries: the chunk rows where that pixel is nonzero (ascending) and the raw pixel (0-255,
 * {@link #scaled(int)} gives {@code p / 255.0}).
 *
 * <p>Why this layout: a chunk's hidden sums (32 rows x 128 doubles) fit in a core's L1 cache, so the
 * kernel can take one weight row of W1 per nonempty column into registers and add it into the rows that
 * need it, and the weight gradient can be summed column by column the same way. Each row's sums still
 * run over its pixels in ascending order. MNIST is 81% zeros: an entry costs 2 bytes (chunk row and raw
 * pixel), a nonempty column 8, so the block takes about a tenth of a dense float64 copy.
 *
 * <p>Holds data only; the arithmetic lives in {@code model.BlockKernel}.
 */
public final class ImageBlock implements Serializable {
    private static final long serialVersionUID = 2L;
    /** Rows per chunk; a chunk row index fits in a byte. */
    public static final int CHUNK_ROWS = 32;
    private static final double[] SCALE = new double[256];

    static {
        for (int p = 0; p < 256; p++) {
            SCALE[p] = p / 255.0;
        }
    }

    private final int features;
    private final byte[] labels;
    /** Chunk c's nonempty columns are {@code [chunkColumns[c], chunkColumns[c + 1])}. */
    private final int[] chunkColumns;
    /** The pixel index of each nonempty column. */
    private final int[] columnPixel;
    /** Column t's entries are {@code [entryStart[t], entryStart[t + 1])}. */
    private final int[] entryStart;
    private final byte[] entryRow;
    private final byte[] entryValue;

    ImageBlock(int features, byte[] labels, int[] chunkColumns, int[] columnPixel, int[] entryStart,
            byte[] entryRow, byte[] entryValue) {
        int chunks = (labels.length + CHUNK_ROWS - 1) / CHUNK_ROWS;
        if (chunkColumns.length != chunks + 1 || chunkColumns[chunks] != columnPixel.length) {
            throw new IllegalArgumentException("chunk table has " + chunkColumns.length + " entries for "
                    + labels.length + " rows (" + chunks + " chunks) and " + columnPixel.length + " columns");
        }
        if (entryStart.length != columnPixel.length + 1 || entryStart[columnPixel.length] != entryRow.length
                || entryRow.length != entryValue.length) {
            throw new IllegalArgumentException("column table disagrees with " + entryRow.length + " entries");
        }
        this.features = features;
        this.labels = labels;
        this.chunkColumns = chunkColumns;
        this.columnPixel = columnPixel;
        this.entryStart = entryStart;
        this.entryRow = entryRow;
        this.entryValue = entryValue;
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
        return entryRow.length;
    }

    public int label(int row) {
        return labels[row] & 0xff;
    }

    public int chunks() {
        return chunkColumns.length - 1;
    }

    /** Rows in chunk c: {@link #CHUNK_ROWS}, fewer in the last one. */
    public int chunkRows(int chunk) {
        return Math.min(CHUNK_ROWS, labels.length - chunk * CHUNK_ROWS);
    }

    /** First nonempty column of chunk c; its columns run to {@code firstColumn(c + 1)}. */
    public int firstColumn(int chunk) {
        return chunkColumns[chunk];
    }

    /** The pixel index (0 .. features-1) of nonempty column t. */
    public int pixel(int column) {
        return columnPixel[column];
    }

    /** First entry of column t; its entries run to {@code firstEntry(t + 1)}. */
    public int firstEntry(int column) {
        return entryStart[column];
    }

    /** The chunk row (0 .. CHUNK_ROWS-1) of entry e. */
    public int entryRow(int entry) {
        return entryRow[entry];
    }

    public double scaled(int entry) {
        return SCALE[entryValue[entry] & 0xff];
    }

    /** Bytes held by the arrays, for memory reports. */
    public long sizeInBytes() {
        return labels.length + 4L * chunkColumns.length + 4L * columnPixel.length + 4L * entryStart.length
                + entryRow.length + entryValue.length;
    }

    /** Row r's raw pixels (0 where the pixel is zero) into {@code image} ({@code features} long). */
    public void rawRow(int row, byte[] image) {
        java.util.Arrays.fill(image, 0, features, (byte) 0);
        int chunk = row / CHUNK_ROWS;
        int inChunk = row % CHUNK_ROWS;
        for (int t = chunkColumns[chunk]; t < chunkColumns[chunk + 1]; t++) {
            for (int e = entryStart[t]; e < entryStart[t + 1]; e++) {
                if (entryRow[e] == inChunk) {
                    image[columnPixel[t]] = entryValue[e];
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

    /** Every row, scaled, into {@code dense} (rows x features, row-major; entries not written are left as they are). */
    public void scatterScaled(double[] dense) {
        if (dense.length < (long) rows() * features) {
            throw new IllegalArgumentException(rows() + " rows of " + features + " pixels do not fit "
                    + dense.length + " doubles");
        }
        for (int chunk = 0; chunk < chunks(); chunk++) {
            int first = chunk * CHUNK_ROWS;
            for (int t = chunkColumns[chunk]; t < chunkColumns[chunk + 1]; t++) {
                for (int e = entryStart[t]; e < entryStart[t + 1]; e++) {
                    dense[(first + entryRow[e]) * features + columnPixel[t]] = scaled(e);
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
