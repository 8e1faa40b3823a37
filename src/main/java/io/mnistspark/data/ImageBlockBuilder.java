package io.mnistspark.data;

import java.util.Arrays;

/**
 * Packs rows one at a time into an {@link ImageBlock}: a chunk's rows are held sparsely until the chunk is
 * full ({@link PendingRows}), then regrouped by pairs of nonempty columns, keeping only the rows where a
 * value is nonzero. Rows come as raw pixel bytes, dense doubles or sparse doubles (Spark ML's two vector
 * forms); zeros (+0.0 and -0.0) are not stored.
 *
 * <p>The block keeps the byte form (2 bytes an entry) when every stored value is exactly {@code k / 255.0}
 * for a k in 1..255, however the rows were given, so MNIST read from IDX, npz or a DataFrame of
 * {@code k / 255} values packs the same; any other finite value makes the whole block real-valued
 * ({@link EntryValuesBuilder}).
 */
public final class ImageBlockBuilder {
    private static final int R = ImageBlock.CHUNK_ROWS;

    private final int features;
    private final PendingRows pending;
    private final EntryValuesBuilder values = new EntryValuesBuilder();
    private int[] nonemptyColumns = new int[1 << 10];
    private int rows;
    private int pairs;
    private int entries;
    private int nonzeros;
    private int[] labels = new int[1024];
    private int[] chunkPairs = new int[64];
    private int[] pixelA = new int[1 << 12];
    private int[] pixelB = new int[1 << 12];
    private int[] entryStart = new int[(1 << 12) + 1];
    private byte[] entryRow = new byte[1 << 16];

    /** @param features values per row (the dense row length), any positive count */
    public ImageBlockBuilder(int features) {
        if (features < 1) {
            throw new IllegalArgumentException("a row needs at least one feature, got " + features);
        }
        this.features = features;
        this.pending = new PendingRows(features);
    }

    /**
     * Appends one image of raw pixels, scaled to {@code p / 255.0}.
     *
     * @param image raw pixels, row-major, {@code features} long
     * @param label class index in [0, {@link ImageBlock#MAX_LABEL}]
     */
    public void add(byte[] image, int label) {
        checkLength(image.length, "pixels");
        checkLabel(label);
        pending.addBytes(image);
        keep(label);
    }

    /**
     * Appends one dense row of finite values.
     *
     * @param row   {@code features} values
     * @param label class index in [0, {@link ImageBlock#MAX_LABEL}]
     * @throws IllegalArgumentException for a wrong length, a bad label or a value that is not finite (the
     *                                  message names the row's position in this builder and the column)
     */
    public void add(double[] row, int label) {
        checkLength(row.length, "values");
        checkLabel(label);
        pending.addDense(row, rows);
        keep(label);
    }

    /**
     * Appends one sparse row: the values at {@code indices}, zero elsewhere.
     *
     * @param indices strictly ascending column numbers in [0, features)
     * @param row     finite values, one per index
     * @param label   class index in [0, {@link ImageBlock#MAX_LABEL}]
     * @throws IllegalArgumentException for unsorted, repeated or out-of-range indices, a bad label or a value
     *                                  that is not finite
     */
    public void add(int[] indices, double[] row, int label) {
        if (indices.length != row.length) {
            throw new IllegalArgumentException("row " + rows + " has " + indices.length + " indices but "
                    + row.length + " values");
        }
        addSparse(indices, row, indices.length, label);
    }

    /** The first {@code count} of {@code indices} and {@code row}, for {@link ImageBlock#slice}. */
    void addSparse(int[] indices, double[] row, int count, int label) {
        checkLabel(label);
        pending.addSparse(indices, row, count, rows);
        keep(label);
    }

    public int rows() {
        return rows;
    }

    /** The block, with arrays trimmed to size. */
    public ImageBlock build() {
        if (pending.rows() > 0) {
            flushChunk();
        }
        int chunks = (rows + R - 1) / R;
        int[] chunkTable = Arrays.copyOf(chunkPairs, chunks + 1);
        chunkTable[chunks] = pairs;
        int[] starts = Arrays.copyOf(entryStart, pairs + 1);
        starts[pairs] = entries;
        return new ImageBlock(features, nonzeros, RowLabels.of(labels, rows), chunkTable,
                Arrays.copyOf(pixelA, pairs), Arrays.copyOf(pixelB, pairs), starts,
                Arrays.copyOf(entryRow, entries), values.build());
    }

    private void checkLength(int length, String unit) {
        if (length != features) {
            throw new IllegalArgumentException("row " + rows + " has " + length + " " + unit + ", expected "
                    + features);
        }
    }

    private void checkLabel(int label) {
        if (label < 0 || label > ImageBlock.MAX_LABEL) {
            throw new IllegalArgumentException("row " + rows + ": label " + label + " outside 0.."
                    + ImageBlock.MAX_LABEL + "; labels are class indices, at most " + ImageBlock.MAX_LABEL);
        }
    }

    /** Records the label of the row {@link #pending} has just taken. */
    private void keep(int label) {
        if (rows == labels.length) {
            labels = Arrays.copyOf(labels, labels.length * 2);
        }
        labels[rows++] = label;
        if (pending.full()) {
            flushChunk();
        }
    }

    /** Regroups the pending rows: nonempty columns in ascending order, two at a time, rows merged. */
    private void flushChunk() {
        int chunk = (rows - 1) / R;
        int chunkRows = pending.rows();
        if (chunk + 1 >= chunkPairs.length) {
            chunkPairs = Arrays.copyOf(chunkPairs, chunkPairs.length * 2);
        }
        chunkPairs[chunk] = pairs;
        if (pending.nonzeros() > nonemptyColumns.length) {
            nonemptyColumns = new int[Math.max(2 * nonemptyColumns.length, pending.nonzeros())];
        }
        int columns = pending.nonemptyColumns(nonemptyColumns);
        int newPairs = (columns + 1) / 2;
        if (pairs + newPairs > pixelA.length) {
            int capacity = Math.max(pixelA.length * 2, pairs + newPairs);
            pixelA = Arrays.copyOf(pixelA, capacity);
            pixelB = Arrays.copyOf(pixelB, capacity);
            entryStart = Arrays.copyOf(entryStart, capacity + 1);
        }
        if (entries + newPairs * chunkRows > entryRow.length) {
            entryRow = Arrays.copyOf(entryRow, Math.max(entryRow.length * 2, entries + newPairs * chunkRows));
        }
        for (int c = 0; c < columns; c += 2) {
            int a = nonemptyColumns[c];
            int b = c + 1 < columns ? nonemptyColumns[c + 1] : ImageBlock.NO_PIXEL;
            pixelA[pairs] = a;
            pixelB[pairs] = b;
            entryStart[pairs] = entries;
            pairs++;
            for (int i = 0; i < chunkRows; i++) {
                double va = pending.take(i, a);
                double vb = b == ImageBlock.NO_PIXEL ? 0.0 : pending.take(i, b);
                if (va != 0.0 || vb != 0.0) {
                    entryRow[entries++] = (byte) i;
                    values.add(va, vb);
                    nonzeros += (va != 0.0 ? 1 : 0) + (vb != 0.0 ? 1 : 0);
                }
            }
        }
        pending.clear();
    }
}
