package io.mnistspark.model;

import io.mnistspark.data.ImageBlock;
import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link VectorKernelMath}'s second layer: logits, dHidden and the gradients of W2, b2 and b1 for one
 * chunk. These loops are short dot products, so each keeps several independent accumulators (rows,
 * classes or hidden slices side by side) to hide the FMA latency; every single sum still runs over its
 * terms in the same ascending order as a one-accumulator loop would. The helpers' arguments follow the
 * order described in {@link VectorKernelMath}.
 */
final class VectorSecondLayer {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** Hidden units per register block of eight vectors. */
    private static final int BLOCK = 8 * LANES;
    /** Row weights of 1, for sums that are plain column sums. */
    private static final double[] ONES = ones(ImageBlock.CHUNK_ROWS);

    private VectorSecondLayer() {
    }

    private static double[] ones(int n) {
        double[] ones = new double[n];
        Arrays.fill(ones, 1.0);
        return ones;
    }

    /**
     * Four rows and two classes at a time: eight independent dot products share each loaded slice, so
     * the FMA latency overlaps. Each logit still sums its lanes over the hidden slices in ascending order.
     */
    static void logits(int rows, ChunkWorkspace ws) {
        int nh = ws.shape.hidden();
        int nc = ws.shape.classes();
        int i = 0;
        for (; i + 4 <= rows; i += 4) {
            int c = 0;
            for (; c + 2 <= nc; c += 2) {
                logitsFourRowsTwoClasses(ws, i, c);
            }
            for (; c < nc; c++) {
                for (int r = i; r < i + 4; r++) {
                    logit(ws, r, c);
                }
            }
        }
        for (; i < rows; i++) {
            for (int c = 0; c < nc; c++) {
                logit(ws, i, c);
            }
        }
    }

    /** Logits of rows [i, i + 4) for classes c and c + 1. */
    private static void logitsFourRowsTwoClasses(ChunkWorkspace ws, int i, int c) {
        int nh = ws.shape.hidden();
        int nc = ws.shape.classes();
        double[] hidden = ws.hidden;
        double[] w2t = ws.w2t;
        int bound = SPECIES.loopBound(nh);
        int h0 = ws.origin + i * nh;
        int h1 = h0 + nh;
        int h2 = h1 + nh;
        int h3 = h2 + nh;
        int wa = c * nh;
        int wb = wa + nh;
        DoubleVector a0 = DoubleVector.zero(SPECIES);
        DoubleVector a1 = a0;
        DoubleVector a2 = a0;
        DoubleVector a3 = a0;
        DoubleVector b0 = a0;
        DoubleVector b1 = a0;
        DoubleVector b2 = a0;
        DoubleVector b3 = a0;
        for (int j = 0; j < bound; j += LANES) {
            DoubleVector va = DoubleVector.fromArray(SPECIES, w2t, wa + j);
            DoubleVector vb = DoubleVector.fromArray(SPECIES, w2t, wb + j);
            DoubleVector x0 = DoubleVector.fromArray(SPECIES, hidden, h0 + j);
            DoubleVector x1 = DoubleVector.fromArray(SPECIES, hidden, h1 + j);
            DoubleVector x2 = DoubleVector.fromArray(SPECIES, hidden, h2 + j);
            DoubleVector x3 = DoubleVector.fromArray(SPECIES, hidden, h3 + j);
            a0 = va.fma(x0, a0);
            a1 = va.fma(x1, a1);
            a2 = va.fma(x2, a2);
            a3 = va.fma(x3, a3);
            b0 = vb.fma(x0, b0);
            b1 = vb.fma(x1, b1);
            b2 = vb.fma(x2, b2);
            b3 = vb.fma(x3, b3);
        }
        double[] logits = ws.logits;
        double ba = ws.b2[c];
        double bb = ws.b2[c + 1];
        int z = i * nc + c;
        logits[z] = ba + a0.reduceLanes(VectorOperators.ADD) + tail(hidden, h0, w2t, wa, bound, nh);
        logits[z + 1] = bb + b0.reduceLanes(VectorOperators.ADD) + tail(hidden, h0, w2t, wb, bound, nh);
        logits[z + nc] = ba + a1.reduceLanes(VectorOperators.ADD) + tail(hidden, h1, w2t, wa, bound, nh);
        logits[z + nc + 1] = bb + b1.reduceLanes(VectorOperators.ADD) + tail(hidden, h1, w2t, wb, bound, nh);
        logits[z + 2 * nc] = ba + a2.reduceLanes(VectorOperators.ADD) + tail(hidden, h2, w2t, wa, bound, nh);
        logits[z + 2 * nc + 1] = bb + b2.reduceLanes(VectorOperators.ADD) + tail(hidden, h2, w2t, wb, bound, nh);
        logits[z + 3 * nc] = ba + a3.reduceLanes(VectorOperators.ADD) + tail(hidden, h3, w2t, wa, bound, nh);
        logits[z + 3 * nc + 1] = bb + b3.reduceLanes(VectorOperators.ADD) + tail(hidden, h3, w2t, wb, bound, nh);
    }

    /** One logit, row i and class c, summed like the blocked ones. */
    private static void logit(ChunkWorkspace ws, int i, int c) {
        int nh = ws.shape.hidden();
        int nc = ws.shape.classes();
        double[] hidden = ws.hidden;
        double[] w2t = ws.w2t;
        int bound = SPECIES.loopBound(nh);
        int h = ws.origin + i * nh;
        int w = c * nh;
        DoubleVector a = DoubleVector.zero(SPECIES);
        for (int j = 0; j < bound; j += LANES) {
            a = DoubleVector.fromArray(SPECIES, w2t, w + j).fma(DoubleVector.fromArray(SPECIES, hidden, h + j), a);
        }
        ws.logits[i * nc + c] = ws.b2[c] + a.reduceLanes(VectorOperators.ADD) + tail(hidden, h, w2t, w, bound, nh);
    }

    /** The scalar remainder of a dot product, hidden units [from, nh). */
    private static double tail(double[] hidden, int h, double[] w2t, int w, int from, int nh) {
        double sum = 0.0;
        for (int j = from; j < nh; j++) {
            sum = Math.fma(hidden[h + j], w2t[w + j], sum);
        }
        return sum;
    }

    /**
     * Per row, eight vectors of dHidden summed over the classes at once (independent accumulators, each
     * over the classes in ascending order), then masked where the hidden unit was not active.
     */
    static void hiddenGradient(int rows, ChunkWorkspace ws) {
        int nh = ws.shape.hidden();
        int nc = ws.shape.classes();
        double[] dLogits = ws.logits;
        double[] hidden = ws.hidden;
        double[] w2t = ws.w2t;
        double[] dHidden = ws.dHidden;
        DoubleVector zero = DoubleVector.zero(SPECIES);
        for (int i = 0; i < rows; i++) {
            int h = ws.origin + i * nh;
            int z = i * nc;
            int j = 0;
            for (; j + BLOCK <= nh; j += BLOCK) {
                hiddenGradientBlock(ws, i, j);
            }
            for (; j + LANES <= nh; j += LANES) {
                DoubleVector sum = zero;
                for (int c = 0; c < nc; c++) {
                    sum = DoubleVector.fromArray(SPECIES, w2t, c * nh + j)
                            .fma(DoubleVector.broadcast(SPECIES, dLogits[z + c]), sum);
                }
                storeActive(sum, hidden, dHidden, h + j);
            }
            for (; j < nh; j++) {
                double sum = 0.0;
                for (int c = 0; c < nc; c++) {
                    sum = Math.fma(w2t[c * nh + j], dLogits[z + c], sum);
                }
                dHidden[h + j] = hidden[h + j] > 0.0 ? sum : 0.0;
            }
        }
    }

    /** dHidden units [j, j + BLOCK) of row i. */
    private static void hiddenGradientBlock(ChunkWorkspace ws, int i, int j) {
        int nh = ws.shape.hidden();
        int nc = ws.shape.classes();
        int h = ws.origin + i * nh;
        int z = i * nc;
        double[] dLogits = ws.logits;
        double[] w2t = ws.w2t;
        DoubleVector s0 = DoubleVector.zero(SPECIES);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        DoubleVector s4 = s0;
        DoubleVector s5 = s0;
        DoubleVector s6 = s0;
        DoubleVector s7 = s0;
        for (int c = 0; c < nc; c++) {
            DoubleVector d = DoubleVector.broadcast(SPECIES, dLogits[z + c]);
            int w = c * nh + j;
            s0 = DoubleVector.fromArray(SPECIES, w2t, w).fma(d, s0);
            s1 = DoubleVector.fromArray(SPECIES, w2t, w + LANES).fma(d, s1);
            s2 = DoubleVector.fromArray(SPECIES, w2t, w + 2 * LANES).fma(d, s2);
            s3 = DoubleVector.fromArray(SPECIES, w2t, w + 3 * LANES).fma(d, s3);
            s4 = DoubleVector.fromArray(SPECIES, w2t, w + 4 * LANES).fma(d, s4);
            s5 = DoubleVector.fromArray(SPECIES, w2t, w + 5 * LANES).fma(d, s5);
            s6 = DoubleVector.fromArray(SPECIES, w2t, w + 6 * LANES).fma(d, s6);
            s7 = DoubleVector.fromArray(SPECIES, w2t, w + 7 * LANES).fma(d, s7);
        }
        double[] hidden = ws.hidden;
        double[] dHidden = ws.dHidden;
        int q = h + j;
        storeActive(s0, hidden, dHidden, q);
        storeActive(s1, hidden, dHidden, q + LANES);
        storeActive(s2, hidden, dHidden, q + 2 * LANES);
        storeActive(s3, hidden, dHidden, q + 3 * LANES);
        storeActive(s4, hidden, dHidden, q + 4 * LANES);
        storeActive(s5, hidden, dHidden, q + 5 * LANES);
        storeActive(s6, hidden, dHidden, q + 6 * LANES);
        storeActive(s7, hidden, dHidden, q + 7 * LANES);
    }

    /** {@code dHidden[q..] = sum} where {@code hidden[q..] > 0}, else 0 (the ReLU's derivative). */
    private static void storeActive(DoubleVector sum, double[] hidden, double[] dHidden, int q) {
        DoubleVector zero = DoubleVector.zero(SPECIES);
        DoubleVector on = DoubleVector.fromArray(SPECIES, hidden, q);
        sum.blend(zero, on.compare(VectorOperators.LE, zero)).intoArray(dHidden, q);
    }

    static void addGradient(int rows, ChunkWorkspace ws, double[] gradient) {
        NetworkShape shape = ws.shape;
        int nh = shape.hidden();
        int nc = shape.classes();
        double[] dLogits = ws.logits;
        for (int c = 0; c < nc; c++) {
            double b2 = gradient[shape.b2Offset() + c];
            for (int i = 0; i < rows; i++) {
                b2 += dLogits[i * nc + c];
            }
            gradient[shape.b2Offset() + c] = b2;
            addWeightedColumnSums(ws.hidden, ws.origin, nh, dLogits, c, nc, ws.w2tGradient, c * nh, rows);
        }
        // b1's gradient is dHidden's column sums: every weight 1, and x * 1 + s rounds as x + s does
        addWeightedColumnSums(ws.dHidden, ws.origin, nh, ONES, 0, 1, gradient, shape.b1Offset(), rows);
    }

    /**
     * {@code sums[s + j] += sum over rows i of data[r + i * nh + j] * weights[i * stride + k]} for the
     * {@code nh} columns j: eight vectors of independent accumulators at a time, then single vectors, then
     * single columns; every sum runs over the rows in ascending order.
     */
    private static void addWeightedColumnSums(double[] data, int r, int nh, double[] weights, int k, int stride,
            double[] sums, int s, int rows) {
        int j = 0;
        for (; j + BLOCK <= nh; j += BLOCK) {
            addColumnBlock(data, r + j, nh, weights, k, stride, sums, s + j, rows);
        }
        for (; j + LANES <= nh; j += LANES) {
            DoubleVector sum = DoubleVector.fromArray(SPECIES, sums, s + j);
            for (int i = 0; i < rows; i++) {
                sum = DoubleVector.fromArray(SPECIES, data, r + i * nh + j)
                        .fma(DoubleVector.broadcast(SPECIES, weights[i * stride + k]), sum);
            }
            sum.intoArray(sums, s + j);
        }
        for (; j < nh; j++) {
            double sum = sums[s + j];
            for (int i = 0; i < rows; i++) {
                sum = Math.fma(data[r + i * nh + j], weights[i * stride + k], sum);
            }
            sums[s + j] = sum;
        }
    }

    /** {@link #addWeightedColumnSums} for the eight vectors of columns starting at data offset r and sums offset s. */
    private static void addColumnBlock(double[] data, int r, int nh, double[] weights, int k, int stride,
            double[] sums, int s, int rows) {
        DoubleVector s0 = DoubleVector.fromArray(SPECIES, sums, s);
        DoubleVector s1 = DoubleVector.fromArray(SPECIES, sums, s + LANES);
        DoubleVector s2 = DoubleVector.fromArray(SPECIES, sums, s + 2 * LANES);
        DoubleVector s3 = DoubleVector.fromArray(SPECIES, sums, s + 3 * LANES);
        DoubleVector s4 = DoubleVector.fromArray(SPECIES, sums, s + 4 * LANES);
        DoubleVector s5 = DoubleVector.fromArray(SPECIES, sums, s + 5 * LANES);
        DoubleVector s6 = DoubleVector.fromArray(SPECIES, sums, s + 6 * LANES);
        DoubleVector s7 = DoubleVector.fromArray(SPECIES, sums, s + 7 * LANES);
        for (int i = 0; i < rows; i++) {
            DoubleVector d = DoubleVector.broadcast(SPECIES, weights[i * stride + k]);
            int q = r + i * nh;
            s0 = DoubleVector.fromArray(SPECIES, data, q).fma(d, s0);
            s1 = DoubleVector.fromArray(SPECIES, data, q + LANES).fma(d, s1);
            s2 = DoubleVector.fromArray(SPECIES, data, q + 2 * LANES).fma(d, s2);
            s3 = DoubleVector.fromArray(SPECIES, data, q + 3 * LANES).fma(d, s3);
            s4 = DoubleVector.fromArray(SPECIES, data, q + 4 * LANES).fma(d, s4);
            s5 = DoubleVector.fromArray(SPECIES, data, q + 5 * LANES).fma(d, s5);
            s6 = DoubleVector.fromArray(SPECIES, data, q + 6 * LANES).fma(d, s6);
            s7 = DoubleVector.fromArray(SPECIES, data, q + 7 * LANES).fma(d, s7);
        }
        s0.intoArray(sums, s);
        s1.intoArray(sums, s + LANES);
        s2.intoArray(sums, s + 2 * LANES);
        s3.intoArray(sums, s + 3 * LANES);
        s4.intoArray(sums, s + 4 * LANES);
        s5.intoArray(sums, s + 5 * LANES);
        s6.intoArray(sums, s + 6 * LANES);
        s7.intoArray(sums, s + 7 * LANES);
    }
}
