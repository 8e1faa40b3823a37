package io.mnistspark.data;

import java.util.Arrays;

/**
 * Packs images one at a time into an {@link ImageBlock}: a chunk's images are held raw until the chunk
 * is full, then regrouped by pairs of nonempty columns, keeping only the rows where a pixel is nonzero.
 */
public final class ImageBlockBuilder {
    private static final int R = ImageBlock.CHUNK_ROWS;

    private final int features;
    private final byte[] pending;
    private final int[] nonemptyColumns;
    private int pendingRows;
    private int rows;
    private int pairs;
    private int entries;
    private int nonzeros;
    private byte[] labels = new byte[1024];
    private int[] chunkPairs = new int[64];
    private int[] pixelA = new int[1 << 12];
    private int[] pixelB = new int[1 << 12];
    private int[] entryStart = new int[(1 << 12) + 1];
    private byte[] entryRow = new byte[1 << 16];
    private byte[] valueA = new byte[1 << 16];
    private byte[] valueB = new byte[1 << 16];

    public ImageBlockBuilder(int features) {
        if (features < 1) {
            throw new IllegalArgumentException("an image needs at least one pixel, got " + features);
        }
        this.features = features;
        this.pending = new byte[R * features];
        this.nonemptyColumns = new int[features];
    }

    /**
     * Appends one image.
     *
     * @param image raw pixels, row-major, {@code features} long
     * @param label class index in [0, 255]
     */
    public void add(byte[] image, int label) {
        if (image.length != features) {
            throw new IllegalArgumentException("image has " + image.length + " pixels, expected " + features);
        }
        if (label < 0 || label > 255) {
            throw new IllegalArgumentException("label " + label + " outside 0..255");
        }
        if (rows >= labels.length) {
            labels = Arrays.copyOf(labels, labels.length * 2);
        }
        labels[rows++] = (byte) label;
        System.arraycopy(image, 0, pending, pendingRows * features, features);
        if (++pendingRows == R) {
            flushChunk();
        }
    }

    /** TEMPORARY until real blocks land: byte-valued rows only. */
    public void addSparse(int[] indices, double[] values, int label) {
        byte[] image = new byte[features];
        for (int k = 0; k < indices.length; k++) {
            long p = Math.round(values[k] * 255.0);
            if (p / 255.0 != values[k]) {
                throw new UnsupportedOperationException("real values not yet");
            }
            image[indices[k]] = (byte) p;
        }
        add(image, label);
    }

    public int rows() {
        return rows;
    }

    /** The block, with arrays trimmed to size. */
    public ImageBlock build() {
        if (pendingRows > 0) {
            flushChunk();
        }
        int chunks = (rows + R - 1) / R;
        int[] chunkTable = Arrays.copyOf(chunkPairs, chunks + 1);
        chunkTable[chunks] = pairs;
        int[] starts = Arrays.copyOf(entryStart, pairs + 1);
        starts[pairs] = entries;
        return new ImageBlock(features, nonzeros, Arrays.copyOf(labels, rows), chunkTable,
                Arrays.copyOf(pixelA, pairs), Arrays.copyOf(pixelB, pairs), starts,
                Arrays.copyOf(entryRow, entries), Arrays.copyOf(valueA, entries), Arrays.copyOf(valueB, entries));
    }

    /** Regroups the pending rows: nonempty columns in ascending order, two at a time, rows merged. */
    private void flushChunk() {
        int chunk = (rows - 1) / R;
        if (chunk + 1 >= chunkPairs.length) {
            chunkPairs = Arrays.copyOf(chunkPairs, chunkPairs.length * 2);
        }
        chunkPairs[chunk] = pairs;
        int columns = 0;
        for (int k = 0; k < features; k++) {
            for (int i = 0; i < pendingRows; i++) {
                if (pending[i * features + k] != 0) {
                    nonemptyColumns[columns++] = k;
                    break;
                }
            }
        }
        int newPairs = (columns + 1) / 2;
        if (pairs + newPairs > pixelA.length) {
            int capacity = Math.max(pixelA.length * 2, pairs + newPairs);
            pixelA = Arrays.copyOf(pixelA, capacity);
            pixelB = Arrays.copyOf(pixelB, capacity);
            entryStart = Arrays.copyOf(entryStart, capacity + 1);
        }
        if (entries + newPairs * pendingRows > entryRow.length) {
            int capacity = Math.max(entryRow.length * 2, entries + newPairs * pendingRows);
            entryRow = Arrays.copyOf(entryRow, capacity);
            valueA = Arrays.copyOf(valueA, capacity);
            valueB = Arrays.copyOf(valueB, capacity);
        }
        for (int c = 0; c < columns; c += 2) {
            int a = nonemptyColumns[c];
            int b = c + 1 < columns ? nonemptyColumns[c + 1] : ImageBlock.NO_PIXEL;
            pixelA[pairs] = a;
            pixelB[pairs] = b;
            entryStart[pairs] = entries;
            pairs++;
            for (int i = 0; i < pendingRows; i++) {
                byte pa = pending[i * features + a];
                byte pb = b == ImageBlock.NO_PIXEL ? 0 : pending[i * features + b];
                if (pa != 0 || pb != 0) {
                    entryRow[entries] = (byte) i;
                    valueA[entries] = pa;
                    valueB[entries] = pb;
                    entries++;
                    nonzeros += (pa != 0 ? 1 : 0) + (pb != 0 ? 1 : 0);
                }
            }
        }
        pendingRows = 0;
    }
}
