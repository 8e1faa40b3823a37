package io.mnistspark.data;

import java.util.Arrays;

/** Packs images one at a time into a {@link SparseRows} block, keeping only nonzero pixels. */
public final class SparseRowsBuilder {
    private final int features;
    private int rows;
    private int nonzeros;
    private int[] rowStart = new int[1025];
    private int[] columns = new int[1 << 16];
    private byte[] pixels = new byte[1 << 16];
    private byte[] labels = new byte[1024];

    public SparseRowsBuilder(int features) {
        if (features < 1) {
            throw new IllegalArgumentException("an image needs at least one pixel, got " + features);
        }
        this.features = features;
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
        if (rows + 1 >= rowStart.length) {
            rowStart = Arrays.copyOf(rowStart, rowStart.length * 2);
        }
        if (rows >= labels.length) {
            labels = Arrays.copyOf(labels, labels.length * 2);
        }
        if (nonzeros + features > columns.length) {
            int capacity = Math.max(columns.length * 2, nonzeros + features);
            columns = Arrays.copyOf(columns, capacity);
            pixels = Arrays.copyOf(pixels, capacity);
        }
        for (int k = 0; k < features; k++) {
            if (image[k] != 0) {
                columns[nonzeros] = k;
                pixels[nonzeros] = image[k];
                nonzeros++;
            }
        }
        labels[rows] = (byte) label;
        rows++;
        rowStart[rows] = nonzeros;
    }

    public int rows() {
        return rows;
    }

    /** The block, with arrays trimmed to size. */
    public SparseRows build() {
        return new SparseRows(features, Arrays.copyOf(rowStart, rows + 1), Arrays.copyOf(columns, nonzeros),
                Arrays.copyOf(pixels, nonzeros), Arrays.copyOf(labels, rows));
    }
}
