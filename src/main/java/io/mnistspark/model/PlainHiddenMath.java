package io.mnistspark.model;

import io.mnistspark.data.SparseRows;

/** The hidden-layer loops as plain {@code for} loops the JIT vectorizes where it can. */
final class PlainHiddenMath implements HiddenLayerMath {
    @Override
    public void forward(SparseRows block, int r, double[][] w1Rows, double[] b1, double[] h) {
        int nh = h.length;
        System.arraycopy(b1, 0, h, 0, nh);
        for (int e = block.rowStart(r), end = block.rowEnd(r); e < end; e++) {
            double x = block.scaled(e);
            double[] w = w1Rows[block.column(e)];
            for (int j = 0; j < nh; j++) {
                h[j] += x * w[j];
            }
        }
    }

    @Override
    public void accumulateW1Gradient(ChunkColumns chunk, double[][] dHidden, double[][] w1Grad) {
        for (int k = 0; k < chunk.inputs(); k++) {
            int from = chunk.start(k);
            int to = chunk.start(k + 1);
            if (from == to) {
                continue;
            }
            double[] g = w1Grad[k];
            int nh = g.length;
            for (int e = from; e < to; e++) {
                double x = chunk.value(e);
                double[] dh = dHidden[chunk.row(e)];
                for (int j = 0; j < nh; j++) {
                    g[j] += x * dh[j];
                }
            }
        }
    }

    @Override
    public String name() {
        return "plain";
    }
}
