package io.mnistspark.data;

import java.util.Arrays;

/**
 * Packs images one at a time into an {@link ImageBlock}: a chunk's images are held raw until the chunk
 * is full, then regrouped pixel by pixel, keeping only the nonzero pixels.
 */
public final class ImageBlockBuilder {
    private static final int R = ImageBlock.CHUNK_ROWS;

    private final int features;
    private final byte[] pending;
    private int pendingRows;
    private int rows;
    private int columns;
    private int entries;
    private byte[] labels = new byte[1024];
    private int[] chunkColumns = new int[64];
    private int[] columnPixel = new int[1 << 12];
    private int[] entryStart = new int[(1 << 12) + 1];
    private byte[] entryRow = new byte[1 << 16];
    private byte[] entryValue = new byte[1 << 16];

    public ImageBlockBuilder(int features) {
        if (features < 1) {
            throw new IllegalArgumentException("an image needs at least one pixel, got " + features);
        }
        this.features = features;
        this.pending = new byte[R * features];
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

    public int rows() {
        return rows;
    }

    /** The block, with arrays trimmed to size. */
    public ImageBlock build() {
        if (pendingRows > 0) {
            flushChunk();
        }
        int chunks = (rows + R - 1) / R;
        int[] chunkTable = Arrays.copyOf(chunkColumns, chunks + 1);
        chunkTable[chunks] = columns;
        int[] starts = Arrays.copyOf(entryStart, columns + 1);
        starts[columns] = entries;
        return new ImageBlock(features, Arrays.copyOf(labels, rows), chunkTable,
                Arrays.copyOf(columnPixel, columns), starts, Arrays.copyOf(entryRow, entries),
                Arrays.copyOf(entryValue, entries));
    }

    private void flushChunk() {
        int chunk = (rows - 1) / R;
        if (chunk + 1 >= chunkColumns.length) {
            chunkColumns = Arrays.copyOf(chunkColumns, chunkColumns.length * 2);
        }
        chunkColumns[chunk] = columns;
        if (columns + features > columnPixel.length) {
            int capacity = Math.max(columnPixel.length * 2, columns + features);
            columnPixel = Arrays.copyOf(columnPixel, capacity);
            entryStart = Arrays.copyOf(entryStart, capacity + 1);
        }
        if (entries + pendingRows * features > entryRow.length) {
            int capacity = Math.max(entryRow.length * 2, entries + pendingRows * features);
            entryRow = Arrays.copyOf(entryRow, capacity);
            entryValue = Arrays.copyOf(entryValue, capacity);
        }
        for (int k = 0; k < features; k++) {
            int first = entries;
            for (int i = 0; i < pendingRows; i++) {
                byte p = pending[i * features + k];
                if (p != 0) {
                    entryRow[entries] = (byte) i;
                    entryValue[entries] = p;
                    entries++;
                }
            }
            if (entries > first) {
                columnPixel[columns] = k;
                entryStart[columns] = first;
                columns++;
            }
        }
        pendingRows = 0;
    }
}
