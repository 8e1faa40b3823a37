package io.mnistspark.model;

import io.mnistspark.data.SparseRows;

/**
 * Forward and backward passes of {@code h = relu(x W1 + b1)}, {@code z = h W2 + b2} with softmax
 * cross-entropy, over a block of sparse rows, in plain loops over {@code double[]}.
 *
 * <p>Holds per-row scratch space, so one kernel serves one thread; the parameters are only read.
 */
public final class BlockKernel {
    private final NetworkShape shape;
    private final double[] params;
    private final double[] hidden;
    private final double[] logits;
    private final double[] hiddenGrad;
    /** W1 as one array per input pixel: the hot loops then run over a whole array from index 0. */
    private final double[][] w1Rows;

    public BlockKernel(NetworkShape shape, double[] params) {
        if (params.length != shape.parameterCount()) {
            throw new IllegalArgumentException("network " + shape + " has " + shape.parameterCount()
                    + " parameters, got an array of " + params.length);
        }
        this.shape = shape;
        this.params = params;
        this.hidden = new double[shape.hidden()];
        this.logits = new double[shape.classes()];
        this.hiddenGrad = new double[shape.hidden()];
        this.w1Rows = new double[shape.inputs()][];
        for (int k = 0; k < shape.inputs(); k++) {
            w1Rows[k] = java.util.Arrays.copyOfRange(params, shape.w1Offset() + k * shape.hidden(),
                    shape.w1Offset() + (k + 1) * shape.hidden());
        }
    }

    /**
     * Adds the block's loss sum, row count, correct predictions and, if {@code withGradient}, the gradient
     * of its summed loss into {@code sums} (modified in place).
     */
    public void accumulate(SparseRows block, BatchSums sums, boolean withGradient) {
        checkFeatures(block);
        double[] gradient = withGradient ? sums.gradient(params.length) : null;
        double[][] w1Grad = withGradient ? new double[shape.inputs()][shape.hidden()] : null;
        for (int r = 0; r < block.rows(); r++) {
            forward(block, r);
            int label = block.label(r);
            checkLabel(label, r);
            double lse = logSumExp();
            sums.addRow(lse - logits[label], argmax() == label);
            if (gradient != null) {
                backward(block, r, label, lse, gradient, w1Grad);
            }
        }
        if (gradient != null) {
            int nh = shape.hidden();
            for (int k = 0; k < shape.inputs(); k++) {
                double[] row = w1Grad[k];
                int base = shape.w1Offset() + k * nh;
                for (int j = 0; j < nh; j++) {
                    gradient[base + j] += row[j];
                }
            }
        }
    }

    /** The predicted class (argmax of the logits, first on ties) of row {@code r}. */
    public int predict(SparseRows block, int r) {
        checkFeatures(block);
        forward(block, r);
        return argmax();
    }

    /** Fills {@link #hidden} (after ReLU) and {@link #logits} for row r. */
    private void forward(SparseRows block, int r) {
        int nh = shape.hidden();
        int nc = shape.classes();
        double[] w = params;
        double[] h = hidden;
        System.arraycopy(w, shape.b1Offset(), h, 0, nh);
        // x: 1 x inputs sparse, W1: inputs x hidden row-major -> h += x_k * W1[k, :]
        for (int e = block.rowStart(r), end = block.rowEnd(r); e < end; e++) {
            double x = block.scaled(e);
            double[] w1 = w1Rows[block.column(e)];
            for (int j = 0; j < nh; j++) {
                h[j] += x * w1[j];
            }
        }
        for (int j = 0; j < nh; j++) {
            if (h[j] < 0.0) {
                h[j] = 0.0;
            }
        }
        // h: 1 x hidden, W2: hidden x classes row-major -> z = b2 + sum_j h_j W2[j, :]
        double[] z = logits;
        System.arraycopy(w, shape.b2Offset(), z, 0, nc);
        int w2 = shape.w2Offset();
        for (int j = 0; j < nh; j++) {
            double hj = h[j];
            if (hj != 0.0) {
                int base = w2 + j * nc;
                for (int c = 0; c < nc; c++) {
                    z[c] += hj * w[base + c];
                }
            }
        }
    }

    /** log(sum exp z), shifted by the largest logit so no exp overflows. */
    private double logSumExp() {
        double max = logits[0];
        for (int c = 1; c < logits.length; c++) {
            max = Math.max(max, logits[c]);
        }
        double sum = 0.0;
        for (double z : logits) {
            sum += Math.exp(z - max);
        }
        return max + Math.log(sum);
    }

    private int argmax() {
        int best = 0;
        for (int c = 1; c < logits.length; c++) {
            if (logits[c] > logits[best]) {
                best = c;
            }
        }
        return best;
    }

    /** Adds row r's gradient; {@link #logits} becomes dLoss/dz = softmax(z) - onehot(label). */
    private void backward(SparseRows block, int r, int label, double lse, double[] g, double[][] w1Grad) {
        int nh = shape.hidden();
        int nc = shape.classes();
        double[] w = params;
        double[] h = hidden;
        double[] dz = logits;
        for (int c = 0; c < nc; c++) {
            dz[c] = Math.exp(dz[c] - lse);
        }
        dz[label] -= 1.0;
        int gb2 = shape.b2Offset();
        for (int c = 0; c < nc; c++) {
            g[gb2 + c] += dz[c];
        }
        // dW2[j, :] += h_j dz ; dh_j = (W2[j, :] . dz) where h_j > 0 (ReLU passes no gradient at 0)
        int w2 = shape.w2Offset();
        double[] dh = hiddenGrad;
        for (int j = 0; j < nh; j++) {
            double hj = h[j];
            if (hj > 0.0) {
                int base = w2 + j * nc;
                double sum = 0.0;
                for (int c = 0; c < nc; c++) {
                    g[base + c] += hj * dz[c];
                    sum += w[base + c] * dz[c];
                }
                dh[j] = sum;
            } else {
                dh[j] = 0.0;
            }
        }
        int gb1 = shape.b1Offset();
        for (int j = 0; j < nh; j++) {
            g[gb1 + j] += dh[j];
        }
        // dW1[k, :] += x_k dh for each nonzero pixel k
        for (int e = block.rowStart(r), end = block.rowEnd(r); e < end; e++) {
            double x = block.scaled(e);
            double[] gw1 = w1Grad[block.column(e)];
            for (int j = 0; j < nh; j++) {
                gw1[j] += x * dh[j];
            }
        }
    }

    private void checkFeatures(SparseRows block) {
        if (block.features() != shape.inputs()) {
            throw new IllegalArgumentException("block rows have " + block.features()
                    + " pixels but network " + shape + " takes " + shape.inputs() + " inputs");
        }
    }

    private void checkLabel(int label, int r) {
        if (label >= shape.classes()) {
            throw new IllegalArgumentException("row " + r + " has label " + label
                    + " but network " + shape + " has " + shape.classes() + " classes");
        }
    }
}
