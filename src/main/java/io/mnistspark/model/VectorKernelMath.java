package io.mnistspark.model;

import io.mnistspark.data.ImageBlock;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The kernel loops with {@code jdk.incubator.vector}. The first layer works column by column: sixteen
 * vectors (all 128 hidden units with 512-bit vectors) of one W1 row stay in registers while the chunk
 * rows with that pixel are updated in L1; the weight gradient keeps sixteen vectors of one gradient row
 * in registers while the chunk's hidden gradients stream past. Loaded reflectively by
 * {@link KernelMath#best()} only when the module is present.
 */
final class VectorKernelMath implements KernelMath {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** Hidden units per register block. */
    private static final int BLOCK = 16 * LANES;

    @Override
    public void hiddenLayer(ImageBlock block, int chunk, double[] params, NetworkShape shape, double[] hidden) {
        int nh = shape.hidden();
        int rows = block.chunkRows(chunk);
        for (int i = 0; i < rows; i++) {
            System.arraycopy(params, shape.b1Offset(), hidden, i * nh, nh);
        }
        int j = 0;
        for (; j + BLOCK <= nh; j += BLOCK) {
            addColumnsBlock(block, chunk, params, shape.w1Offset() + j, nh, hidden, j);
        }
        for (; j + LANES <= nh; j += LANES) {
            addColumnsVector(block, chunk, params, shape.w1Offset() + j, nh, hidden, j);
        }
        for (; j < nh; j++) {
            for (int t = block.firstColumn(chunk), end = block.firstColumn(chunk + 1); t < end; t++) {
                double w = params[shape.w1Offset() + block.pixel(t) * nh + j];
                for (int e = block.firstEntry(t), last = block.firstEntry(t + 1); e < last; e++) {
                    int h = block.entryRow(e) * nh + j;
                    hidden[h] = Math.fma(w, block.scaled(e), hidden[h]);
                }
            }
        }
        DoubleVector zero = DoubleVector.zero(SPECIES);
        int q = 0;
        for (int size = rows * nh, bound = SPECIES.loopBound(size); q < bound; q += LANES) {
            DoubleVector.fromArray(SPECIES, hidden, q).max(zero).intoArray(hidden, q);
        }
        for (int size = rows * nh; q < size; q++) {
            hidden[q] = Math.max(hidden[q], 0.0);
        }
    }

    /** Hidden units [j, j + BLOCK): each nonempty column's W1 slice in registers, added into its rows. */
    private static void addColumnsBlock(ImageBlock block, int chunk, double[] params, int w1j, int nh,
            double[] hidden, int j) {
        for (int t = block.firstColumn(chunk), end = block.firstColumn(chunk + 1); t < end; t++) {
            int w = w1j + block.pixel(t) * nh;
            DoubleVector w0 = DoubleVector.fromArray(SPECIES, params, w);
            DoubleVector w1 = DoubleVector.fromArray(SPECIES, params, w + LANES);
            DoubleVector w2 = DoubleVector.fromArray(SPECIES, params, w + 2 * LANES);
            DoubleVector w3 = DoubleVector.fromArray(SPECIES, params, w + 3 * LANES);
            DoubleVector w4 = DoubleVector.fromArray(SPECIES, params, w + 4 * LANES);
            DoubleVector w5 = DoubleVector.fromArray(SPECIES, params, w + 5 * LANES);
            DoubleVector w6 = DoubleVector.fromArray(SPECIES, params, w + 6 * LANES);
            DoubleVector w7 = DoubleVector.fromArray(SPECIES, params, w + 7 * LANES);
            DoubleVector w8 = DoubleVector.fromArray(SPECIES, params, w + 8 * LANES);
            DoubleVector w9 = DoubleVector.fromArray(SPECIES, params, w + 9 * LANES);
            DoubleVector w10 = DoubleVector.fromArray(SPECIES, params, w + 10 * LANES);
            DoubleVector w11 = DoubleVector.fromArray(SPECIES, params, w + 11 * LANES);
            DoubleVector w12 = DoubleVector.fromArray(SPECIES, params, w + 12 * LANES);
            DoubleVector w13 = DoubleVector.fromArray(SPECIES, params, w + 13 * LANES);
            DoubleVector w14 = DoubleVector.fromArray(SPECIES, params, w + 14 * LANES);
            DoubleVector w15 = DoubleVector.fromArray(SPECIES, params, w + 15 * LANES);
            for (int e = block.firstEntry(t), last = block.firstEntry(t + 1); e < last; e++) {
                DoubleVector x = DoubleVector.broadcast(SPECIES, block.scaled(e));
                int h = block.entryRow(e) * nh + j;
                w0.fma(x, DoubleVector.fromArray(SPECIES, hidden, h)).intoArray(hidden, h);
                w1.fma(x, DoubleVector.fromArray(SPECIES, hidden, h + LANES)).intoArray(hidden, h + LANES);
                w2.fma(x, DoubleVector.fromArray(SPECIES, hidden, h + 2 * LANES)).intoArray(hidden, h + 2 * LANES);
                w3.fma(x, DoubleVector.fromArray(SPECIES, hidden, h + 3 * LANES)).intoArray(hidden, h + 3 * LANES);
                w4.fma(x, DoubleVector.fromArray(SPECIES, hidden, h + 4 * LANES)).intoArray(hidden, h + 4 * LANES);
                w5.fma(x, DoubleVector.fromArray(SPECIES, hidden, h + 5 * LANES)).intoArray(hidden, h + 5 * LANES);
                w6.fma(x, DoubleVector.fromArray(SPECIES, hidden, h + 6 * LANES)).intoArray(hidden, h + 6 * LANES);
                w7.fma(x, DoubleVector.fromArray(SPECIES, hidden, h + 7 * LANES)).intoArray(hidden, h + 7 * LANES);
                w8.fma(x, DoubleVector.fromArray(SPECIES, hidden, h + 8 * LANES)).intoArray(hidden, h + 8 * LANES);
                w9.fma(x, DoubleVector.fromArray(SPECIES, hidden, h + 9 * LANES)).intoArray(hidden, h + 9 * LANES);
                w10.fma(x, DoubleVector.fromArray(SPECIES, hidden, h + 10 * LANES)).intoArray(hidden, h + 10 * LANES);
                w11.fma(x, DoubleVector.fromArray(SPECIES, hidden, h + 11 * LANES)).intoArray(hidden, h + 11 * LANES);
                w12.fma(x, DoubleVector.fromArray(SPECIES, hidden, h + 12 * LANES)).intoArray(hidden, h + 12 * LANES);
                w13.fma(x, DoubleVector.fromArray(SPECIES, hidden, h + 13 * LANES)).intoArray(hidden, h + 13 * LANES);
                w14.fma(x, DoubleVector.fromArray(SPECIES, hidden, h + 14 * LANES)).intoArray(hidden, h + 14 * LANES);
                w15.fma(x, DoubleVector.fromArray(SPECIES, hidden, h + 15 * LANES)).intoArray(hidden, h + 15 * LANES);
            }
        }
    }

    private static void addColumnsVector(ImageBlock block, int chunk, double[] params, int w1j, int nh,
            double[] hidden, int j) {
        for (int t = block.firstColumn(chunk), end = block.firstColumn(chunk + 1); t < end; t++) {
            DoubleVector w = DoubleVector.fromArray(SPECIES, params, w1j + block.pixel(t) * nh);
            for (int e = block.firstEntry(t), last = block.firstEntry(t + 1); e < last; e++) {
                int h = block.entryRow(e) * nh + j;
                w.fma(DoubleVector.broadcast(SPECIES, block.scaled(e)), DoubleVector.fromArray(SPECIES, hidden, h))
                        .intoArray(hidden, h);
            }
        }
    }

    @Override
    public void logits(double[] hidden, int rows, double[] w2t, double[] b2, NetworkShape shape, double[] logits) {
        int nh = shape.hidden();
        int nc = shape.classes();
        int bound = SPECIES.loopBound(nh);
        for (int i = 0; i < rows; i++) {
            int h = i * nh;
            int z = i * nc;
            int c = 0;
            for (; c + 4 <= nc; c += 4) {
                int w0 = c * nh;
                int w1 = w0 + nh;
                int w2 = w1 + nh;
                int w3 = w2 + nh;
                DoubleVector a0 = DoubleVector.zero(SPECIES);
                DoubleVector a1 = a0;
                DoubleVector a2 = a0;
                DoubleVector a3 = a0;
                for (int j = 0; j < bound; j += LANES) {
                    DoubleVector x = DoubleVector.fromArray(SPECIES, hidden, h + j);
                    a0 = DoubleVector.fromArray(SPECIES, w2t, w0 + j).fma(x, a0);
                    a1 = DoubleVector.fromArray(SPECIES, w2t, w1 + j).fma(x, a1);
                    a2 = DoubleVector.fromArray(SPECIES, w2t, w2 + j).fma(x, a2);
                    a3 = DoubleVector.fromArray(SPECIES, w2t, w3 + j).fma(x, a3);
                }
                logits[z + c] = b2[c] + a0.reduceLanes(VectorOperators.ADD) + tail(hidden, h, w2t, w0, bound, nh);
                logits[z + c + 1] = b2[c + 1] + a1.reduceLanes(VectorOperators.ADD) + tail(hidden, h, w2t, w1, bound, nh);
                logits[z + c + 2] = b2[c + 2] + a2.reduceLanes(VectorOperators.ADD) + tail(hidden, h, w2t, w2, bound, nh);
                logits[z + c + 3] = b2[c + 3] + a3.reduceLanes(VectorOperators.ADD) + tail(hidden, h, w2t, w3, bound, nh);
            }
            for (; c < nc; c++) {
                int w = c * nh;
                DoubleVector a = DoubleVector.zero(SPECIES);
                for (int j = 0; j < bound; j += LANES) {
                    a = DoubleVector.fromArray(SPECIES, w2t, w + j).fma(DoubleVector.fromArray(SPECIES, hidden, h + j), a);
                }
                logits[z + c] = b2[c] + a.reduceLanes(VectorOperators.ADD) + tail(hidden, h, w2t, w, bound, nh);
            }
        }
    }

    /** The scalar remainder of a dot product, hidden units [from, nh). */
    private static double tail(double[] hidden, int h, double[] w2t, int w, int from, int nh) {
        double sum = 0.0;
        for (int j = from; j < nh; j++) {
            sum = Math.fma(hidden[h + j], w2t[w + j], sum);
        }
        return sum;
    }

    @Override
    public void hiddenGradient(double[] dLogits, double[] hidden, int rows, double[] w2t, NetworkShape shape,
            double[] dHidden) {
        int nh = shape.hidden();
        int nc = shape.classes();
        int bound = SPECIES.loopBound(nh);
        DoubleVector zero = DoubleVector.zero(SPECIES);
        for (int i = 0; i < rows; i++) {
            int h = i * nh;
            int z = i * nc;
            int j = 0;
            for (; j < bound; j += LANES) {
                DoubleVector sum = zero;
                for (int c = 0; c < nc; c++) {
                    sum = DoubleVector.fromArray(SPECIES, w2t, c * nh + j)
                            .fma(DoubleVector.broadcast(SPECIES, dLogits[z + c]), sum);
                }
                DoubleVector on = DoubleVector.fromArray(SPECIES, hidden, h + j);
                sum.blend(zero, on.compare(VectorOperators.LE, zero)).intoArray(dHidden, h + j);
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

    @Override
    public void addSecondLayerGradient(double[] hidden, double[] dLogits, double[] dHidden, int rows,
            NetworkShape shape, double[] w2tGradient, double[] gradient) {
        int nh = shape.hidden();
        int nc = shape.classes();
        int bound = SPECIES.loopBound(nh);
        for (int c = 0; c < nc; c++) {
            double b2 = gradient[shape.b2Offset() + c];
            for (int i = 0; i < rows; i++) {
                b2 += dLogits[i * nc + c];
            }
            gradient[shape.b2Offset() + c] = b2;
            int w = c * nh;
            int j = 0;
            for (; j < bound; j += LANES) {
                DoubleVector sum = DoubleVector.fromArray(SPECIES, w2tGradient, w + j);
                for (int i = 0; i < rows; i++) {
                    sum = DoubleVector.fromArray(SPECIES, hidden, i * nh + j)
                            .fma(DoubleVector.broadcast(SPECIES, dLogits[i * nc + c]), sum);
                }
                sum.intoArray(w2tGradient, w + j);
            }
            for (; j < nh; j++) {
                double sum = w2tGradient[w + j];
                for (int i = 0; i < rows; i++) {
                    sum = Math.fma(hidden[i * nh + j], dLogits[i * nc + c], sum);
                }
                w2tGradient[w + j] = sum;
            }
        }
        int b1 = shape.b1Offset();
        int j = 0;
        for (; j < bound; j += LANES) {
            DoubleVector sum = DoubleVector.fromArray(SPECIES, gradient, b1 + j);
            for (int i = 0; i < rows; i++) {
                sum = sum.add(DoubleVector.fromArray(SPECIES, dHidden, i * nh + j));
            }
            sum.intoArray(gradient, b1 + j);
        }
        for (; j < nh; j++) {
            double sum = gradient[b1 + j];
            for (int i = 0; i < rows; i++) {
                sum += dHidden[i * nh + j];
            }
            gradient[b1 + j] = sum;
        }
    }

    @Override
    public void addW1Gradient(ImageBlock block, int chunk, double[] dHidden, NetworkShape shape, double[] gradient) {
        int nh = shape.hidden();
        int j = 0;
        for (; j + BLOCK <= nh; j += BLOCK) {
            for (int t = block.firstColumn(chunk), end = block.firstColumn(chunk + 1); t < end; t++) {
                addColumnGradientBlock(block, t, dHidden, j, shape.w1Offset() + block.pixel(t) * nh + j, nh, gradient);
            }
        }
        for (; j + LANES <= nh; j += LANES) {
            for (int t = block.firstColumn(chunk), end = block.firstColumn(chunk + 1); t < end; t++) {
                int g = shape.w1Offset() + block.pixel(t) * nh + j;
                DoubleVector a = DoubleVector.fromArray(SPECIES, gradient, g);
                for (int e = block.firstEntry(t), last = block.firstEntry(t + 1); e < last; e++) {
                    a = DoubleVector.fromArray(SPECIES, dHidden, block.entryRow(e) * nh + j)
                            .fma(DoubleVector.broadcast(SPECIES, block.scaled(e)), a);
                }
                a.intoArray(gradient, g);
            }
        }
        for (; j < nh; j++) {
            for (int t = block.firstColumn(chunk), end = block.firstColumn(chunk + 1); t < end; t++) {
                int g = shape.w1Offset() + block.pixel(t) * nh + j;
                double sum = gradient[g];
                for (int e = block.firstEntry(t), last = block.firstEntry(t + 1); e < last; e++) {
                    sum = Math.fma(dHidden[block.entryRow(e) * nh + j], block.scaled(e), sum);
                }
                gradient[g] = sum;
            }
        }
    }

    /** Gradient row slice [g, g + BLOCK) of column t in registers while the column's rows stream past. */
    private static void addColumnGradientBlock(ImageBlock block, int t, double[] dHidden, int j, int g, int nh,
            double[] gradient) {
        DoubleVector a0 = DoubleVector.fromArray(SPECIES, gradient, g);
        DoubleVector a1 = DoubleVector.fromArray(SPECIES, gradient, g + LANES);
        DoubleVector a2 = DoubleVector.fromArray(SPECIES, gradient, g + 2 * LANES);
        DoubleVector a3 = DoubleVector.fromArray(SPECIES, gradient, g + 3 * LANES);
        DoubleVector a4 = DoubleVector.fromArray(SPECIES, gradient, g + 4 * LANES);
        DoubleVector a5 = DoubleVector.fromArray(SPECIES, gradient, g + 5 * LANES);
        DoubleVector a6 = DoubleVector.fromArray(SPECIES, gradient, g + 6 * LANES);
        DoubleVector a7 = DoubleVector.fromArray(SPECIES, gradient, g + 7 * LANES);
        DoubleVector a8 = DoubleVector.fromArray(SPECIES, gradient, g + 8 * LANES);
        DoubleVector a9 = DoubleVector.fromArray(SPECIES, gradient, g + 9 * LANES);
        DoubleVector a10 = DoubleVector.fromArray(SPECIES, gradient, g + 10 * LANES);
        DoubleVector a11 = DoubleVector.fromArray(SPECIES, gradient, g + 11 * LANES);
        DoubleVector a12 = DoubleVector.fromArray(SPECIES, gradient, g + 12 * LANES);
        DoubleVector a13 = DoubleVector.fromArray(SPECIES, gradient, g + 13 * LANES);
        DoubleVector a14 = DoubleVector.fromArray(SPECIES, gradient, g + 14 * LANES);
        DoubleVector a15 = DoubleVector.fromArray(SPECIES, gradient, g + 15 * LANES);
        for (int e = block.firstEntry(t), last = block.firstEntry(t + 1); e < last; e++) {
            DoubleVector x = DoubleVector.broadcast(SPECIES, block.scaled(e));
            int d = block.entryRow(e) * nh + j;
            a0 = DoubleVector.fromArray(SPECIES, dHidden, d).fma(x, a0);
            a1 = DoubleVector.fromArray(SPECIES, dHidden, d + LANES).fma(x, a1);
            a2 = DoubleVector.fromArray(SPECIES, dHidden, d + 2 * LANES).fma(x, a2);
            a3 = DoubleVector.fromArray(SPECIES, dHidden, d + 3 * LANES).fma(x, a3);
            a4 = DoubleVector.fromArray(SPECIES, dHidden, d + 4 * LANES).fma(x, a4);
            a5 = DoubleVector.fromArray(SPECIES, dHidden, d + 5 * LANES).fma(x, a5);
            a6 = DoubleVector.fromArray(SPECIES, dHidden, d + 6 * LANES).fma(x, a6);
            a7 = DoubleVector.fromArray(SPECIES, dHidden, d + 7 * LANES).fma(x, a7);
            a8 = DoubleVector.fromArray(SPECIES, dHidden, d + 8 * LANES).fma(x, a8);
            a9 = DoubleVector.fromArray(SPECIES, dHidden, d + 9 * LANES).fma(x, a9);
            a10 = DoubleVector.fromArray(SPECIES, dHidden, d + 10 * LANES).fma(x, a10);
            a11 = DoubleVector.fromArray(SPECIES, dHidden, d + 11 * LANES).fma(x, a11);
            a12 = DoubleVector.fromArray(SPECIES, dHidden, d + 12 * LANES).fma(x, a12);
            a13 = DoubleVector.fromArray(SPECIES, dHidden, d + 13 * LANES).fma(x, a13);
            a14 = DoubleVector.fromArray(SPECIES, dHidden, d + 14 * LANES).fma(x, a14);
            a15 = DoubleVector.fromArray(SPECIES, dHidden, d + 15 * LANES).fma(x, a15);
        }
        a0.intoArray(gradient, g);
        a1.intoArray(gradient, g + LANES);
        a2.intoArray(gradient, g + 2 * LANES);
        a3.intoArray(gradient, g + 3 * LANES);
        a4.intoArray(gradient, g + 4 * LANES);
        a5.intoArray(gradient, g + 5 * LANES);
        a6.intoArray(gradient, g + 6 * LANES);
        a7.intoArray(gradient, g + 7 * LANES);
        a8.intoArray(gradient, g + 8 * LANES);
        a9.intoArray(gradient, g + 9 * LANES);
        a10.intoArray(gradient, g + 10 * LANES);
        a11.intoArray(gradient, g + 11 * LANES);
        a12.intoArray(gradient, g + 12 * LANES);
        a13.intoArray(gradient, g + 13 * LANES);
        a14.intoArray(gradient, g + 14 * LANES);
        a15.intoArray(gradient, g + 15 * LANES);
    }

    @Override
    public String name() {
        return "vector-" + SPECIES.vectorBitSize();
    }
}
