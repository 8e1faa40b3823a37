package io.mnistspark.data;

import java.io.Serializable;

/**
 * The class index of each row of a block: one byte a row when every label is below 256 (every IDX and
 * MNIST-format dataset, which therefore packs exactly as before), two when some label is larger, up to
 * {@link ImageBlock#MAX_LABEL}. Read once a row by the kernel, so the choice of form costs nothing there.
 */
final class RowLabels implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Null when the labels are wide. */
    private final byte[] narrow;
    private final char[] wide;

    private RowLabels(byte[] narrow, char[] wide) {
        this.narrow = narrow;
        this.wide = wide;
    }

    /** The first {@code rows} of {@code labels}, each in [0, {@link ImageBlock#MAX_LABEL}]. */
    static RowLabels of(int[] labels, int rows) {
        int largest = 0;
        for (int r = 0; r < rows; r++) {
            if (labels[r] < 0 || labels[r] > ImageBlock.MAX_LABEL) {
                throw new IllegalArgumentException("label " + labels[r] + " of row " + r + " outside 0.."
                        + ImageBlock.MAX_LABEL);
            }
            largest = Math.max(largest, labels[r]);
        }
        if (largest <= 255) {
            byte[] narrow = new byte[rows];
            for (int r = 0; r < rows; r++) {
                narrow[r] = (byte) labels[r];
            }
            return new RowLabels(narrow, null);
        }
        char[] wide = new char[rows];
        for (int r = 0; r < rows; r++) {
            wide[r] = (char) labels[r];
        }
        return new RowLabels(null, wide);
    }

    int rows() {
        return narrow != null ? narrow.length : wide.length;
    }

    int get(int row) {
        return narrow != null ? narrow[row] & 0xff : wide[row];
    }

    long sizeInBytes() {
        return narrow != null ? narrow.length : 2L * wide.length;
    }
}
