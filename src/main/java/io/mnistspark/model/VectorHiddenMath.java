package io.mnistspark.model;

import io.mnistspark.data.SparseRows;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The hidden-layer loops with {@code jdk.incubator.vector}: eight vector accumulators stay in registers
 * while a row's nonzero pixels stream past (forward), or while a chunk's rows with one pixel stream past
 * (weight gradient), so each weight row is loaded once and each sum stored once. Loaded reflectively by
 * {@link HiddenLayerMath#best()} only when the module is present.
 */
final class VectorHiddenMath implements HiddenLayerMath {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    private static final int BLOCK = 8 * LANES;

    @Override
    public void forward(SparseRows block, int r, double[][] w1Rows, double[] b1, double[] h) {
        int nh = h.length;
        int from = block.rowStart(r);
        int to = block.rowEnd(r);
        int j = 0;
        for (; j + BLOCK <= nh; j += BLOCK) {
            DoubleVector a0 = DoubleVector.fromArray(SPECIES, b1, j);
            DoubleVector a1 = DoubleVector.fromArray(SPECIES, b1, j + LANES);
            DoubleVector a2 = DoubleVector.fromArray(SPECIES, b1, j + 2 * LANES);
            DoubleVector a3 = DoubleVector.fromArray(SPECIES, b1, j + 3 * LANES);
            DoubleVector a4 = DoubleVector.fromArray(SPECIES, b1, j + 4 * LANES);
            DoubleVector a5 = DoubleVector.fromArray(SPECIES, b1, j + 5 * LANES);
            DoubleVector a6 = DoubleVector.fromArray(SPECIES, b1, j + 6 * LANES);
            DoubleVector a7 = DoubleVector.fromArray(SPECIES, b1, j + 7 * LANES);
            for (int e = from; e < to; e++) {
                DoubleVector x = DoubleVector.broadcast(SPECIES, block.scaled(e));
                double[] w = w1Rows[block.column(e)];
                a0 = DoubleVector.fromArray(SPECIES, w, j).fma(x, a0);
                a1 = DoubleVector.fromArray(SPECIES, w, j + LANES).fma(x, a1);
                a2 = DoubleVector.fromArray(SPECIES, w, j + 2 * LANES).fma(x, a2);
                a3 = DoubleVector.fromArray(SPECIES, w, j + 3 * LANES).fma(x, a3);
                a4 = DoubleVector.fromArray(SPECIES, w, j + 4 * LANES).fma(x, a4);
                a5 = DoubleVector.fromArray(SPECIES, w, j + 5 * LANES).fma(x, a5);
                a6 = DoubleVector.fromArray(SPECIES, w, j + 6 * LANES).fma(x, a6);
                a7 = DoubleVector.fromArray(SPECIES, w, j + 7 * LANES).fma(x, a7);
            }
            a0.intoArray(h, j);
            a1.intoArray(h, j + LANES);
            a2.intoArray(h, j + 2 * LANES);
            a3.intoArray(h, j + 3 * LANES);
            a4.intoArray(h, j + 4 * LANES);
            a5.intoArray(h, j + 5 * LANES);
            a6.intoArray(h, j + 6 * LANES);
            a7.intoArray(h, j + 7 * LANES);
        }
        for (; j + LANES <= nh; j += LANES) {
            DoubleVector a = DoubleVector.fromArray(SPECIES, b1, j);
            for (int e = from; e < to; e++) {
                a = DoubleVector.fromArray(SPECIES, w1Rows[block.column(e)], j)
                        .fma(DoubleVector.broadcast(SPECIES, block.scaled(e)), a);
            }
            a.intoArray(h, j);
        }
        for (; j < nh; j++) {
            double sum = b1[j];
            for (int e = from; e < to; e++) {
                sum = Math.fma(w1Rows[block.column(e)][j], block.scaled(e), sum);
            }
            h[j] = sum;
        }
    }

    @Override
    public void accumulateW1Gradient(ChunkColumns chunk, double[][] dHidden, double[][] w1Grad) {
        for (int k = 0; k < chunk.inputs(); k++) {
            int from = chunk.start(k);
            int to = chunk.start(k + 1);
            if (from < to) {
                accumulateColumn(chunk, from, to, dHidden, w1Grad[k]);
            }
        }
    }

    private static void accumulateColumn(ChunkColumns chunk, int from, int to, double[][] dHidden, double[] g) {
        int nh = g.length;
        int j = 0;
        for (; j + BLOCK <= nh; j += BLOCK) {
            DoubleVector a0 = DoubleVector.fromArray(SPECIES, g, j);
            DoubleVector a1 = DoubleVector.fromArray(SPECIES, g, j + LANES);
            DoubleVector a2 = DoubleVector.fromArray(SPECIES, g, j + 2 * LANES);
            DoubleVector a3 = DoubleVector.fromArray(SPECIES, g, j + 3 * LANES);
            DoubleVector a4 = DoubleVector.fromArray(SPECIES, g, j + 4 * LANES);
            DoubleVector a5 = DoubleVector.fromArray(SPECIES, g, j + 5 * LANES);
            DoubleVector a6 = DoubleVector.fromArray(SPECIES, g, j + 6 * LANES);
            DoubleVector a7 = DoubleVector.fromArray(SPECIES, g, j + 7 * LANES);
            for (int e = from; e < to; e++) {
                DoubleVector x = DoubleVector.broadcast(SPECIES, chunk.value(e));
                double[] dh = dHidden[chunk.row(e)];
                a0 = DoubleVector.fromArray(SPECIES, dh, j).fma(x, a0);
                a1 = DoubleVector.fromArray(SPECIES, dh, j + LANES).fma(x, a1);
                a2 = DoubleVector.fromArray(SPECIES, dh, j + 2 * LANES).fma(x, a2);
                a3 = DoubleVector.fromArray(SPECIES, dh, j + 3 * LANES).fma(x, a3);
                a4 = DoubleVector.fromArray(SPECIES, dh, j + 4 * LANES).fma(x, a4);
                a5 = DoubleVector.fromArray(SPECIES, dh, j + 5 * LANES).fma(x, a5);
                a6 = DoubleVector.fromArray(SPECIES, dh, j + 6 * LANES).fma(x, a6);
                a7 = DoubleVector.fromArray(SPECIES, dh, j + 7 * LANES).fma(x, a7);
            }
            a0.intoArray(g, j);
            a1.intoArray(g, j + LANES);
            a2.intoArray(g, j + 2 * LANES);
            a3.intoArray(g, j + 3 * LANES);
            a4.intoArray(g, j + 4 * LANES);
            a5.intoArray(g, j + 5 * LANES);
            a6.intoArray(g, j + 6 * LANES);
            a7.intoArray(g, j + 7 * LANES);
        }
        for (; j + LANES <= nh; j += LANES) {
            DoubleVector a = DoubleVector.fromArray(SPECIES, g, j);
            for (int e = from; e < to; e++) {
                a = DoubleVector.fromArray(SPECIES, dHidden[chunk.row(e)], j)
                        .fma(DoubleVector.broadcast(SPECIES, chunk.value(e)), a);
            }
            a.intoArray(g, j);
        }
        for (; j < nh; j++) {
            double sum = g[j];
            for (int e = from; e < to; e++) {
                sum = Math.fma(dHidden[chunk.row(e)][j], chunk.value(e), sum);
            }
            g[j] = sum;
        }
    }

    @Override
    public String name() {
        return "vector-" + SPECIES.vectorBitSize();
    }
}
