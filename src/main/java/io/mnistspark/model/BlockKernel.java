package io.mnistspark.model;

import io.mnistspark.data.SparseRows;
import java.util.Arrays;

/**
 * Forward and backward passes of {@code h = relu(x W1 + b1)}, {@code z = h W2 + b2} with softmax
 * cross-entropy, over a block of sparse rows. The first layer, where nearly all the arithmetic is, goes
 * through {@link HiddenLayerMath}; the small second layer and the softmax are plain loops here.
 *
 * <p>Rows are processed in chunks: forward and the second layer's gradient row by row, then the first
 * layer's weight gradient for the whole chunk at once, column by column.
 *
 * <p>Holds scratch space, so one kernel serves one thread; the parameters are only read.
 */
public final class BlockKernel {
    private static final HiddenLayerMath DEFAULT_MATH = HiddenLayerMath.best();
    private static final int CHUNK_ROWS = 128;

    private final NetworkShape shape;
    private final double[] params;
    private final HiddenLayerMath math;
    /** W1 as one array per input pixel (row k of W1), so the hot loops run over whole arrays. */
    private final double[][] w1Rows;
    private final double[] b1;
    private final double[] hidden;
    private final double[] logits;
    private double[][] hiddenGrads;
    private ChunkColumns chunk;

    public BlockKernel(NetworkShape shape, double[] params) {
        this(shape, params, DEFAULT_MATH);
    }

    BlockKernel(NetworkShape shape, double[] params, HiddenLayerMath math) {
        if (params.length != shape.parameterCount()) {
            throw new IllegalArgumentException("network " + shape + " has " + shape.parameterCount()
                    + " parameters, got an array of " + params.length);
        }
        this.shape = shape;
        this.params = params;
        this.math = math;
        int nh = shape.hidden();
        this.w1Rows = new double[shape.inputs()][];
        for (int k = 0; k < shape.inputs(); k++) {
            w1Rows[k] = Arrays.copyOfRange(params, shape.w1Offset() + k * nh, shape.w1Offset() + (k + 1) * nh);
        }
        this.b1 = Arrays.copyOfRange(params, shape.b1Offset(), shape.w2Offset());
        this.hidden = new double[nh];
        this.logits = new double[shape.classes()];
    }

    /** Which implementation of the first-layer loops this JVM uses: {@code plain} or {@code vector-<bits>}. */
    public static String implementation() {
        return DEFAULT_MATH.name();
    }

    /**
     * Adds the block's loss sum, row count, correct predictions and, if {@code withGradient}, the gradient
     * of its summed loss into {@code sums} (modified in place).
     */
    public void accumulate(SparseRows block, BatchSums sums, boolean withGradient) {
        checkFeatures(block);
        double[] gradient = withGradient ? sums.gradient(params.length) : null;
        double[][] w1Grad = withGradient ? new double[shape.inputs()][shape.hidden()] : null;
        if (withGradient && hiddenGrads == null) {
            hiddenGrads = new double[CHUNK_ROWS][shape.hidden()];
            chunk = new ChunkColumns(shape.inputs());
        }
        for (int first = 0; first < block.rows(); first += CHUNK_ROWS) {
            int count = Math.min(CHUNK_ROWS, block.rows() - first);
            for (int i = 0; i < count; i++) {
                int r = first + i;
                forward(block, r);
                int label = block.label(r);
                checkLabel(label, r);
                double lse = logSumExp();
                sums.addRow(lse - logits[label], argmax() == label);
                if (gradient != null) {
                    backwardSecondLayer(label, lse, gradient, hiddenGrads[i]);
                }
            }
            if (gradient != null) {
                chunk.load(block, first, count);
                math.accumulateW1Gradient(chunk, hiddenGrads, w1Grad);
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
        double[] h = hidden;
        math.forward(block, r, w1Rows, b1, h);
        for (int j = 0; j < nh; j++) {
            if (h[j] < 0.0) {
                h[j] = 0.0;
            }
        }
        // h: 1 x hidden, W2: hidden x classes row-major -> z = b2 + sum_j h_j W2[j, :]
        double[] w = params;
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

    /**
     * Adds the row's gradient of W2, b2 and b1 into {@code g} and leaves dLoss/dh (zero where the ReLU was
     * off) in {@code dh}; {@link #logits} becomes dLoss/dz = softmax(z) - onehot(label).
     */
    private void backwardSecondLayer(int label, double lse, double[] g, double[] dh) {
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
        // dW2[j, :] += h_j dz ; dh_j = W2[j, :] . dz where h_j > 0 (ReLU passes no gradient at 0)
        int w2 = shape.w2Offset();
        int gb1 = shape.b1Offset();
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
                g[gb1 + j] += sum;
            } else {
                dh[j] = 0.0;
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
