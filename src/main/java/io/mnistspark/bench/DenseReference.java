package io.mnistspark.bench;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.NativeBLAS;
import io.mnistspark.model.NetworkShape;

/**
 * The network's forward and backward pass the way numpy computes it: dense float64 matrix
 * products through {@code dev.ludovic.netlib}'s {@code dgemm} (the BLAS Spark MLlib uses), zeros and all.
 * The same math as {@code model.BlockKernel}, so timing both on the same rows compares dense BLAS with
 * the sparse kernel fairly.
 *
 * <p>BLAS is column-major and our matrices are row-major; a row-major {@code C = op(A) op(B)} is the
 * column-major {@code C^T = op(B)^T op(A)^T}, so each product passes B before A and swaps the sizes, and
 * no matrix is ever copied.
 *
 * <p>The products go {@code chunkRows} rows at a time (a sum over row chunks is the same gradient). Java's
 * BLAS does not block long products for the cache the way OpenBLAS does: measured on 24000 rows,
 * {@code X^T dH} over the whole block ran at 0.3 GFLOPS, 20 times slower than in 1024-row chunks, which
 * would make the dense side look far worse than dense BLAS really is. Holds scratch matrices for one
 * chunk: one instance per thread; the parameters are only read.
 */
public final class DenseReference {
    /** Rows per product by default; see the class comment. */
    public static final int DEFAULT_CHUNK_ROWS = 1024;

    private final NetworkShape shape;
    private final BLAS blas;
    private final int chunkRows;
    private double[] hidden = new double[0];
    private double[] logits = new double[0];
    private double[] hiddenGrad = new double[0];

    /**
     * @param chunkRows rows per matrix product: the whole block's products are done this many rows at a time
     *                  (see {@link #DEFAULT_CHUNK_ROWS})
     */
    public DenseReference(NetworkShape shape, BLAS blas, int chunkRows) {
        if (chunkRows < 1) {
            throw new IllegalArgumentException("chunks need at least 1 row, got " + chunkRows);
        }
        this.shape = shape;
        this.blas = blas;
        this.chunkRows = chunkRows;
    }

    /** The implementation {@code BLAS.getInstance()} picks here: native (a system BLAS via JNI) or Java. */
    public static String implementation() {
        BLAS blas = BLAS.getInstance();
        return blas.getClass().getName() + (blas instanceof NativeBLAS ? " (native)" : " (Java)");
    }

    /**
     * Adds the block's loss sum, row count, correct predictions and, if {@code withGradient}, the gradient
     * of its summed loss at {@code params} into {@code sums} (modified in place).
     */
    public void accumulate(DenseBlock block, double[] params, DenseSums sums, boolean withGradient) {
        if (block.features() != shape.inputs() || params.length != shape.parameterCount()) {
            throw new IllegalArgumentException("network " + shape + " takes " + shape.inputs() + " inputs and "
                    + shape.parameterCount() + " parameters, got " + block.features() + " and " + params.length);
        }
        for (int from = 0; from < block.rows(); from += chunkRows) {
            accumulateRows(block, from, Math.min(block.rows(), from + chunkRows), params, sums, withGradient);
        }
    }

    private void accumulateRows(DenseBlock block, int from, int to, double[] params, DenseSums sums,
            boolean withGradient) {
        int n = to - from;
        int in = shape.inputs();
        int nh = shape.hidden();
        int nc = shape.classes();
        int x = from * in;
        double[] h = hidden = ensure(hidden, n * nh);
        double[] z = logits = ensure(logits, n * nc);
        // X: n x in (rows from..to of the block), W1: in x nh, H: n x nh (all row-major) -> H = relu(1 b1 + X W1)
        fillRows(h, n, params, shape.b1Offset(), nh);
        gemm(false, false, n, nh, in, block.values(), x, params, shape.w1Offset(), 1.0, h, 0);
        for (int i = 0; i < n * nh; i++) {
            if (h[i] < 0.0) {
                h[i] = 0.0;
            }
        }
        // H: n x nh, W2: nh x nc, Z: n x nc -> Z = 1 b2 + H W2
        fillRows(z, n, params, shape.b2Offset(), nc);
        gemm(false, false, n, nc, nh, h, 0, params, shape.w2Offset(), 1.0, z, 0);
        lossAndSoftmaxGrad(block, from, n, z, sums, withGradient);
        if (withGradient) {
            backward(block, x, n, params, sums.gradient(params.length));
        }
    }

    /** Loss of each row through log-sum-exp; with the gradient, turns Z into dZ = softmax(Z) - onehot. */
    private void lossAndSoftmaxGrad(DenseBlock block, int from, int n, double[] z, DenseSums sums,
            boolean withGradient) {
        int nc = shape.classes();
        double loss = 0.0;
        long correct = 0;
        for (int r = 0; r < n; r++) {
            int base = r * nc;
            int label = block.label(from + r);
            int best = 0;
            double max = z[base];
            for (int c = 1; c < nc; c++) {
                if (z[base + c] > z[base + best]) {
                    best = c;
                }
                max = Math.max(max, z[base + c]);
            }
            double sum = 0.0;
            for (int c = 0; c < nc; c++) {
                sum += Math.exp(z[base + c] - max);
            }
            double lse = max + Math.log(sum);
            loss += lse - z[base + label];
            if (best == label) {
                correct++;
            }
            if (withGradient) {
                for (int c = 0; c < nc; c++) {
                    z[base + c] = Math.exp(z[base + c] - lse);
                }
                z[base + label] -= 1.0;
            }
        }
        sums.addRows(loss, n, correct);
    }

    /** Adds dW1, db1, dW2, db2 of the block's summed loss into {@code g}; {@link #logits} holds dZ. */
    private void backward(DenseBlock block, int x, int n, double[] params, double[] g) {
        int in = shape.inputs();
        int nh = shape.hidden();
        int nc = shape.classes();
        double[] h = hidden;
        double[] dz = logits;
        // dW2 (nh x nc) += H^T dZ ; db2 += column sums of dZ
        gemm(true, false, nh, nc, n, h, 0, dz, 0, 1.0, g, shape.w2Offset());
        addColumnSums(dz, n, nc, g, shape.b2Offset());
        // dH (n x nh) = dZ W2^T, zero where the ReLU output is 0 ; db1 += column sums of dH
        double[] dh = hiddenGrad = ensure(hiddenGrad, n * nh);
        gemm(false, true, n, nh, nc, dz, 0, params, shape.w2Offset(), 0.0, dh, 0);
        for (int i = 0; i < n * nh; i++) {
            if (h[i] <= 0.0) {
                dh[i] = 0.0;
            }
        }
        addColumnSums(dh, n, nh, g, shape.b1Offset());
        // dW1 (in x nh) += X^T dH
        gemm(true, false, in, nh, n, block.values(), x, dh, 0, 1.0, g, shape.w1Offset());
    }

    /**
     * Row-major {@code C (m x n) = op(A) op(B) + beta C}, {@code op(A)} m x k, {@code op(B)} k x n, each
     * matrix starting at its offset; computed as the column-major {@code C^T = op(B)^T op(A)^T}.
     */
    private void gemm(boolean transA, boolean transB, int m, int n, int k, double[] a, int offA, double[] b, int offB,
            double beta, double[] c, int offC) {
        int lda = transA ? m : k;
        int ldb = transB ? k : n;
        blas.dgemm(transB ? "T" : "N", transA ? "T" : "N", n, m, k, 1.0, b, offB, ldb, a, offA, lda, beta, c, offC, n);
    }

    private static void fillRows(double[] matrix, int rows, double[] source, int offset, int width) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(source, offset, matrix, r * width, width);
        }
    }

    private static void addColumnSums(double[] matrix, int rows, int width, double[] target, int offset) {
        for (int r = 0; r < rows; r++) {
            int base = r * width;
            for (int j = 0; j < width; j++) {
                target[offset + j] += matrix[base + j];
            }
        }
    }

    private static double[] ensure(double[] buffer, int size) {
        return buffer.length >= size ? buffer : new double[size];
    }
}
