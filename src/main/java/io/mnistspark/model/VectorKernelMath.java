package io.mnistspark.model;

import io.mnistspark.data.ImageBlock;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The kernel loops with {@code jdk.incubator.vector}. The first layer works by column pairs: eight
 * vectors (64 hidden units with 512-bit vectors) of each of the pair's two W1 rows stay in registers
 * while the chunk rows with either pixel are updated in L1, one load and one store per row slice for
 * both columns; the weight gradient keeps eight vectors of each of the pair's two gradient rows in
 * registers while the chunk's hidden gradients stream past. The second layer's loops are in
 * {@link VectorSecondLayer}. Loaded reflectively by {@link KernelMath#best()} only when the module is present.
 *
 * <p>The helpers here and in {@link VectorSecondLayer} take their arguments in one order, so that two
 * ints cannot trade places unnoticed between one helper and the next: the image block, the workspace,
 * then the position in loop order, outermost first (column pair {@code p} or row {@code i}, class
 * {@code c}, hidden unit {@code j}, counted from 0 as in the callers' loops). The widths and the origin
 * are never passed: each helper reads them from the workspace. Helpers on bare arrays take each array
 * followed by its offset (and row stride), the count of rows or units last.
 */
final class VectorKernelMath implements KernelMath {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** Hidden units per register block: two blocks (one per column of a pair) fill half the registers. */
    private static final int BLOCK = 8 * LANES;

    @Override
    public void hiddenLayer(ImageBlock block, int chunk, ChunkWorkspace ws) {
        int nh = ws.shape.hidden();
        int rows = block.chunkRows(chunk);
        int origin = ws.origin;
        double[] hidden = ws.hidden;
        double[] w1 = ws.w1;
        for (int i = 0; i < rows; i++) {
            System.arraycopy(ws.b1, 0, hidden, origin + i * nh, nh);
        }
        int j = 0;
        for (; j + BLOCK <= nh; j += BLOCK) {
            for (int p = block.firstPair(chunk), end = block.firstPair(chunk + 1); p < end; p++) {
                addPairBlock(block, ws, p, j);
            }
        }
        for (; j + LANES <= nh; j += LANES) {
            for (int p = block.firstPair(chunk), end = block.firstPair(chunk + 1); p < end; p++) {
                DoubleVector wa = DoubleVector.fromArray(SPECIES, w1, origin + block.pixelA(p) * nh + j);
                boolean two = block.pixelB(p) != ImageBlock.NO_PIXEL;
                DoubleVector wb = two ? DoubleVector.fromArray(SPECIES, w1, origin + block.pixelB(p) * nh + j)
                        : DoubleVector.zero(SPECIES);
                for (int e = block.firstEntry(p), last = block.firstEntry(p + 1); e < last; e++) {
                    int h = origin + block.entryRow(e) * nh + j;
                    DoubleVector sum = wa.fma(DoubleVector.broadcast(SPECIES, block.scaledA(e)),
                            DoubleVector.fromArray(SPECIES, hidden, h));
                    wb.fma(DoubleVector.broadcast(SPECIES, block.scaledB(e)), sum).intoArray(hidden, h);
                }
            }
        }
        for (; j < nh; j++) {
            for (int p = block.firstPair(chunk), end = block.firstPair(chunk + 1); p < end; p++) {
                double wa = w1[origin + block.pixelA(p) * nh + j];
                double wb = block.pixelB(p) == ImageBlock.NO_PIXEL ? 0.0 : w1[origin + block.pixelB(p) * nh + j];
                for (int e = block.firstEntry(p), last = block.firstEntry(p + 1); e < last; e++) {
                    int h = origin + block.entryRow(e) * nh + j;
                    hidden[h] = Math.fma(wb, block.scaledB(e), Math.fma(wa, block.scaledA(e), hidden[h]));
                }
            }
        }
        DoubleVector zero = DoubleVector.zero(SPECIES);
        int size = rows * nh;
        int q = 0;
        for (int bound = SPECIES.loopBound(size); q < bound; q += LANES) {
            DoubleVector.fromArray(SPECIES, hidden, origin + q).max(zero).intoArray(hidden, origin + q);
        }
        for (; q < size; q++) {
            hidden[origin + q] = Math.max(hidden[origin + q], 0.0);
        }
    }

    /**
     * Hidden units [j, j + BLOCK) of column pair p: both W1 slices in registers, added into each row of the
     * pair's entries with one load and one store of that row's slice.
     */
    private static void addPairBlock(ImageBlock block, ChunkWorkspace ws, int p, int j) {
        int nh = ws.shape.hidden();
        double[] w1 = ws.w1;
        double[] hidden = ws.hidden;
        int column = ws.origin + j;
        int wa = column + block.pixelA(p) * nh;
        DoubleVector a0 = DoubleVector.fromArray(SPECIES, w1, wa);
        DoubleVector a1 = DoubleVector.fromArray(SPECIES, w1, wa + LANES);
        DoubleVector a2 = DoubleVector.fromArray(SPECIES, w1, wa + 2 * LANES);
        DoubleVector a3 = DoubleVector.fromArray(SPECIES, w1, wa + 3 * LANES);
        DoubleVector a4 = DoubleVector.fromArray(SPECIES, w1, wa + 4 * LANES);
        DoubleVector a5 = DoubleVector.fromArray(SPECIES, w1, wa + 5 * LANES);
        DoubleVector a6 = DoubleVector.fromArray(SPECIES, w1, wa + 6 * LANES);
        DoubleVector a7 = DoubleVector.fromArray(SPECIES, w1, wa + 7 * LANES);
        int from = block.firstEntry(p);
        int to = block.firstEntry(p + 1);
        if (block.pixelB(p) == ImageBlock.NO_PIXEL) {
            for (int e = from; e < to; e++) {
                DoubleVector x = DoubleVector.broadcast(SPECIES, block.scaledA(e));
                int h = block.entryRow(e) * nh + column;
                a0.fma(x, DoubleVector.fromArray(SPECIES, hidden, h)).intoArray(hidden, h);
                a1.fma(x, DoubleVector.fromArray(SPECIES, hidden, h + LANES)).intoArray(hidden, h + LANES);
                a2.fma(x, DoubleVector.fromArray(SPECIES, hidden, h + 2 * LANES)).intoArray(hidden, h + 2 * LANES);
                a3.fma(x, DoubleVector.fromArray(SPECIES, hidden, h + 3 * LANES)).intoArray(hidden, h + 3 * LANES);
                a4.fma(x, DoubleVector.fromArray(SPECIES, hidden, h + 4 * LANES)).intoArray(hidden, h + 4 * LANES);
                a5.fma(x, DoubleVector.fromArray(SPECIES, hidden, h + 5 * LANES)).intoArray(hidden, h + 5 * LANES);
                a6.fma(x, DoubleVector.fromArray(SPECIES, hidden, h + 6 * LANES)).intoArray(hidden, h + 6 * LANES);
                a7.fma(x, DoubleVector.fromArray(SPECIES, hidden, h + 7 * LANES)).intoArray(hidden, h + 7 * LANES);
            }
            return;
        }
        int wb = column + block.pixelB(p) * nh;
        DoubleVector b0 = DoubleVector.fromArray(SPECIES, w1, wb);
        DoubleVector b1 = DoubleVector.fromArray(SPECIES, w1, wb + LANES);
        DoubleVector b2 = DoubleVector.fromArray(SPECIES, w1, wb + 2 * LANES);
        DoubleVector b3 = DoubleVector.fromArray(SPECIES, w1, wb + 3 * LANES);
        DoubleVector b4 = DoubleVector.fromArray(SPECIES, w1, wb + 4 * LANES);
        DoubleVector b5 = DoubleVector.fromArray(SPECIES, w1, wb + 5 * LANES);
        DoubleVector b6 = DoubleVector.fromArray(SPECIES, w1, wb + 6 * LANES);
        DoubleVector b7 = DoubleVector.fromArray(SPECIES, w1, wb + 7 * LANES);
        for (int e = from; e < to; e++) {
            DoubleVector x = DoubleVector.broadcast(SPECIES, block.scaledA(e));
            DoubleVector y = DoubleVector.broadcast(SPECIES, block.scaledB(e));
            int h = block.entryRow(e) * nh + column;
            b0.fma(y, a0.fma(x, DoubleVector.fromArray(SPECIES, hidden, h))).intoArray(hidden, h);
            b1.fma(y, a1.fma(x, DoubleVector.fromArray(SPECIES, hidden, h + LANES))).intoArray(hidden, h + LANES);
            b2.fma(y, a2.fma(x, DoubleVector.fromArray(SPECIES, hidden, h + 2 * LANES))).intoArray(hidden, h + 2 * LANES);
            b3.fma(y, a3.fma(x, DoubleVector.fromArray(SPECIES, hidden, h + 3 * LANES))).intoArray(hidden, h + 3 * LANES);
            b4.fma(y, a4.fma(x, DoubleVector.fromArray(SPECIES, hidden, h + 4 * LANES))).intoArray(hidden, h + 4 * LANES);
            b5.fma(y, a5.fma(x, DoubleVector.fromArray(SPECIES, hidden, h + 5 * LANES))).intoArray(hidden, h + 5 * LANES);
            b6.fma(y, a6.fma(x, DoubleVector.fromArray(SPECIES, hidden, h + 6 * LANES))).intoArray(hidden, h + 6 * LANES);
            b7.fma(y, a7.fma(x, DoubleVector.fromArray(SPECIES, hidden, h + 7 * LANES))).intoArray(hidden, h + 7 * LANES);
        }
    }

    @Override
    public void logits(int rows, ChunkWorkspace ws) {
        VectorSecondLayer.logits(rows, ws);
    }

    @Override
    public void hiddenGradient(int rows, ChunkWorkspace ws) {
        VectorSecondLayer.hiddenGradient(rows, ws);
    }

    @Override
    public void addSecondLayerGradient(int rows, ChunkWorkspace ws, double[] gradient) {
        VectorSecondLayer.addGradient(rows, ws, gradient);
    }

    @Override
    public void addW1Gradient(ImageBlock block, int chunk, ChunkWorkspace ws) {
        int nh = ws.shape.hidden();
        int origin = ws.origin;
        double[] dHidden = ws.dHidden;
        double[] gradient = ws.w1Gradient;
        int j = 0;
        for (; j + BLOCK <= nh; j += BLOCK) {
            for (int p = block.firstPair(chunk), end = block.firstPair(chunk + 1); p < end; p++) {
                addPairGradientBlock(block, ws, p, j);
            }
        }
        for (; j + LANES <= nh; j += LANES) {
            for (int p = block.firstPair(chunk), end = block.firstPair(chunk + 1); p < end; p++) {
                int ga = origin + block.pixelA(p) * nh + j;
                boolean two = block.pixelB(p) != ImageBlock.NO_PIXEL;
                int gb = two ? origin + block.pixelB(p) * nh + j : ga;
                DoubleVector a = DoubleVector.fromArray(SPECIES, gradient, ga);
                DoubleVector b = DoubleVector.fromArray(SPECIES, gradient, gb);
                for (int e = block.firstEntry(p), last = block.firstEntry(p + 1); e < last; e++) {
                    DoubleVector d = DoubleVector.fromArray(SPECIES, dHidden, origin + block.entryRow(e) * nh + j);
                    a = d.fma(DoubleVector.broadcast(SPECIES, block.scaledA(e)), a);
                    b = d.fma(DoubleVector.broadcast(SPECIES, block.scaledB(e)), b);
                }
                if (two) {
                    b.intoArray(gradient, gb);
                }
                a.intoArray(gradient, ga);
            }
        }
        for (; j < nh; j++) {
            for (int p = block.firstPair(chunk), end = block.firstPair(chunk + 1); p < end; p++) {
                int ga = origin + block.pixelA(p) * nh + j;
                boolean two = block.pixelB(p) != ImageBlock.NO_PIXEL;
                int gb = two ? origin + block.pixelB(p) * nh + j : ga;
                double a = gradient[ga];
                double b = gradient[gb];
                for (int e = block.firstEntry(p), last = block.firstEntry(p + 1); e < last; e++) {
                    double d = dHidden[origin + block.entryRow(e) * nh + j];
                    a = Math.fma(d, block.scaledA(e), a);
                    b = Math.fma(d, block.scaledB(e), b);
                }
                if (two) {
                    gradient[gb] = b;
                }
                gradient[ga] = a;
            }
        }
    }

    /**
     * Gradient slices [j, j + BLOCK) of column pair p's two W1 rows in registers while the pair's rows of
     * dHidden stream past, each loaded once for both.
     */
    private static void addPairGradientBlock(ImageBlock block, ChunkWorkspace ws, int p, int j) {
        int nh = ws.shape.hidden();
        double[] dHidden = ws.dHidden;
        double[] gradient = ws.w1Gradient;
        int column = ws.origin + j;
        int ga = column + block.pixelA(p) * nh;
        DoubleVector a0 = DoubleVector.fromArray(SPECIES, gradient, ga);
        DoubleVector a1 = DoubleVector.fromArray(SPECIES, gradient, ga + LANES);
        DoubleVector a2 = DoubleVector.fromArray(SPECIES, gradient, ga + 2 * LANES);
        DoubleVector a3 = DoubleVector.fromArray(SPECIES, gradient, ga + 3 * LANES);
        DoubleVector a4 = DoubleVector.fromArray(SPECIES, gradient, ga + 4 * LANES);
        DoubleVector a5 = DoubleVector.fromArray(SPECIES, gradient, ga + 5 * LANES);
        DoubleVector a6 = DoubleVector.fromArray(SPECIES, gradient, ga + 6 * LANES);
        DoubleVector a7 = DoubleVector.fromArray(SPECIES, gradient, ga + 7 * LANES);
        int from = block.firstEntry(p);
        int to = block.firstEntry(p + 1);
        if (block.pixelB(p) == ImageBlock.NO_PIXEL) {
            for (int e = from; e < to; e++) {
                DoubleVector x = DoubleVector.broadcast(SPECIES, block.scaledA(e));
                int d = block.entryRow(e) * nh + column;
                a0 = DoubleVector.fromArray(SPECIES, dHidden, d).fma(x, a0);
                a1 = DoubleVector.fromArray(SPECIES, dHidden, d + LANES).fma(x, a1);
                a2 = DoubleVector.fromArray(SPECIES, dHidden, d + 2 * LANES).fma(x, a2);
                a3 = DoubleVector.fromArray(SPECIES, dHidden, d + 3 * LANES).fma(x, a3);
                a4 = DoubleVector.fromArray(SPECIES, dHidden, d + 4 * LANES).fma(x, a4);
                a5 = DoubleVector.fromArray(SPECIES, dHidden, d + 5 * LANES).fma(x, a5);
                a6 = DoubleVector.fromArray(SPECIES, dHidden, d + 6 * LANES).fma(x, a6);
                a7 = DoubleVector.fromArray(SPECIES, dHidden, d + 7 * LANES).fma(x, a7);
            }
            a0.intoArray(gradient, ga);
            a1.intoArray(gradient, ga + LANES);
            a2.intoArray(gradient, ga + 2 * LANES);
            a3.intoArray(gradient, ga + 3 * LANES);
            a4.intoArray(gradient, ga + 4 * LANES);
            a5.intoArray(gradient, ga + 5 * LANES);
            a6.intoArray(gradient, ga + 6 * LANES);
            a7.intoArray(gradient, ga + 7 * LANES);
            return;
        }
        int gb = column + block.pixelB(p) * nh;
        DoubleVector b0 = DoubleVector.fromArray(SPECIES, gradient, gb);
        DoubleVector b1 = DoubleVector.fromArray(SPECIES, gradient, gb + LANES);
        DoubleVector b2 = DoubleVector.fromArray(SPECIES, gradient, gb + 2 * LANES);
        DoubleVector b3 = DoubleVector.fromArray(SPECIES, gradient, gb + 3 * LANES);
        DoubleVector b4 = DoubleVector.fromArray(SPECIES, gradient, gb + 4 * LANES);
        DoubleVector b5 = DoubleVector.fromArray(SPECIES, gradient, gb + 5 * LANES);
        DoubleVector b6 = DoubleVector.fromArray(SPECIES, gradient, gb + 6 * LANES);
        DoubleVector b7 = DoubleVector.fromArray(SPECIES, gradient, gb + 7 * LANES);
        for (int e = from; e < to; e++) {
            DoubleVector x = DoubleVector.broadcast(SPECIES, block.scaledA(e));
            DoubleVector y = DoubleVector.broadcast(SPECIES, block.scaledB(e));
            int d = block.entryRow(e) * nh + column;
            DoubleVector d0 = DoubleVector.fromArray(SPECIES, dHidden, d);
            DoubleVector d1 = DoubleVector.fromArray(SPECIES, dHidden, d + LANES);
            DoubleVector d2 = DoubleVector.fromArray(SPECIES, dHidden, d + 2 * LANES);
            DoubleVector d3 = DoubleVector.fromArray(SPECIES, dHidden, d + 3 * LANES);
            DoubleVector d4 = DoubleVector.fromArray(SPECIES, dHidden, d + 4 * LANES);
            DoubleVector d5 = DoubleVector.fromArray(SPECIES, dHidden, d + 5 * LANES);
            DoubleVector d6 = DoubleVector.fromArray(SPECIES, dHidden, d + 6 * LANES);
            DoubleVector d7 = DoubleVector.fromArray(SPECIES, dHidden, d + 7 * LANES);
            a0 = d0.fma(x, a0);
            a1 = d1.fma(x, a1);
            a2 = d2.fma(x, a2);
            a3 = d3.fma(x, a3);
            a4 = d4.fma(x, a4);
            a5 = d5.fma(x, a5);
            a6 = d6.fma(x, a6);
            a7 = d7.fma(x, a7);
            b0 = d0.fma(y, b0);
            b1 = d1.fma(y, b1);
            b2 = d2.fma(y, b2);
            b3 = d3.fma(y, b3);
            b4 = d4.fma(y, b4);
            b5 = d5.fma(y, b5);
            b6 = d6.fma(y, b6);
            b7 = d7.fma(y, b7);
        }
        a0.intoArray(gradient, ga);
        a1.intoArray(gradient, ga + LANES);
        a2.intoArray(gradient, ga + 2 * LANES);
        a3.intoArray(gradient, ga + 3 * LANES);
        a4.intoArray(gradient, ga + 4 * LANES);
        a5.intoArray(gradient, ga + 5 * LANES);
        a6.intoArray(gradient, ga + 6 * LANES);
        a7.intoArray(gradient, ga + 7 * LANES);
        b0.intoArray(gradient, gb);
        b1.intoArray(gradient, gb + LANES);
        b2.intoArray(gradient, gb + 2 * LANES);
        b3.intoArray(gradient, gb + 3 * LANES);
        b4.intoArray(gradient, gb + 4 * LANES);
        b5.intoArray(gradient, gb + 5 * LANES);
        b6.intoArray(gradient, gb + 6 * LANES);
        b7.intoArray(gradient, gb + 7 * LANES);
    }

    @Override
    public String name() {
        return "vector-" + SPECIES.vectorBitSize();
    }
}
