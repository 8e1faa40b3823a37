package io.mnistspark.model;

import io.mnistspark.data.SparseRows;

/**
 * A chunk of consecutive rows of a block regrouped by column (CSC): for each pixel k, the chunk rows
 * where it is nonzero and its scaled value there. Built by a counting sort, reused chunk after chunk, so
 * the weight-gradient loop can update each row of dW1 once per chunk instead of once per row.
 */
final class ChunkColumns {
    private final int[] start;
    private final int[] fill;
    private int[] rows = new int[0];
    private double[] values = new double[0];

    ChunkColumns(int inputs) {
        this.start = new int[inputs + 1];
        this.fill = new int[inputs];
    }

    /** Regroups rows {@code [first, first + count)} of {@code block}; chunk row i is block row first + i. */
    void load(SparseRows block, int first, int count) {
        int from = block.rowStart(first);
        int to = block.rowStart(first + count);
        int entries = to - from;
        if (rows.length < entries) {
            rows = new int[entries];
            values = new double[entries];
        }
        java.util.Arrays.fill(fill, 0);
        for (int e = from; e < to; e++) {
            fill[block.column(e)]++;
        }
        start[0] = 0;
        for (int k = 0; k < fill.length; k++) {
            start[k + 1] = start[k] + fill[k];
            fill[k] = start[k];
        }
        for (int i = 0; i < count; i++) {
            for (int e = block.rowStart(first + i), end = block.rowEnd(first + i); e < end; e++) {
                int slot = fill[block.column(e)]++;
                rows[slot] = i;
                values[slot] = block.scaled(e);
            }
        }
    }

    int inputs() {
        return fill.length;
    }

    int start(int column) {
        return start[column];
    }

    int row(int entry) {
        return rows[entry];
    }

    double value(int entry) {
        return values[entry];
    }
}
