package io.mnistspark.model;

import io.mnistspark.data.ImageBlock;
import java.util.Arrays;

/**
 * The arrays one {@link BlockKernel} works in, for one chunk of rows at a time: the parameters in the
 * layouts the loops want (W1 with its rows starting on cache lines, W2 transposed), the chunk's hidden
 * layer, logits and their gradients, and the weight gradients summed so far. Flat and row-major; rows
 * of {@link #hidden}, {@link #dHidden}, {@link #w1} and {@link #w1Gradient} start at
 * {@code origin + row * hidden units}.
 */
final class ChunkWorkspace {
    final NetworkShape shape;
    /** First element of every row-major matrix below that is shared with {@link CacheLines}. */
    final int origin;
    final double[] w1;
    final double[] b1;
    /** W2 transposed (classes x hidden), so each class's weights are one contiguous run. */
    final double[] w2t;
    final double[] b2;
    final double[] hidden;
    /** The chunk's logits; the backward pass turns them into dLoss/dlogits in place. */
    final double[] logits;
    /** The backward pass's arrays, allocated by {@link #prepareGradient()}; null until then. */
    double[] dHidden;
    double[] w1Gradient;
    /** W2's gradient, transposed like {@link #w2t}. */
    double[] w2tGradient;

    /** With the matrices starting at {@code origin}: {@link CacheLines#DOUBLE_ORIGIN}, or another for tests. */
    ChunkWorkspace(NetworkShape shape, double[] params, int origin) {
        if (origin < 0) {
            throw new IllegalArgumentException("origin cannot be negative, got " + origin);
        }
        this.shape = shape;
        this.origin = origin;
        int nh = shape.hidden();
        int nc = shape.classes();
        int rows = ImageBlock.CHUNK_ROWS;
        this.w1 = new double[origin + shape.inputs() * nh];
        System.arraycopy(params, shape.w1Offset(), w1, origin, shape.inputs() * nh);
        this.b1 = Arrays.copyOfRange(params, shape.b1Offset(), shape.w2Offset());
        this.w2t = new double[nc * nh];
        for (int j = 0; j < nh; j++) {
            for (int c = 0; c < nc; c++) {
                w2t[c * nh + j] = params[shape.w2Offset() + j * nc + c];
            }
        }
        this.b2 = Arrays.copyOfRange(params, shape.b2Offset(), shape.parameterCount());
        this.hidden = new double[origin + rows * nh];
        this.logits = new double[rows * nc];
    }

    /** Allocates the backward pass's arrays, once. */
    void prepareGradient() {
        if (dHidden == null) {
            int nh = shape.hidden();
            dHidden = new double[origin + ImageBlock.CHUNK_ROWS * nh];
            w1Gradient = new double[origin + shape.inputs() * nh];
            w2tGradient = new double[shape.classes() * nh];
        }
    }

    /** Adds the weight gradients summed here into {@code gradient} (the flat parameter layout) and clears them. */
    void drainInto(double[] gradient) {
        int nh = shape.hidden();
        int nc = shape.classes();
        int size = shape.inputs() * nh;
        for (int q = 0; q < size; q++) {
            gradient[shape.w1Offset() + q] += w1Gradient[origin + q];
        }
        Arrays.fill(w1Gradient, 0.0);
        for (int j = 0; j < nh; j++) {
            for (int c = 0; c < nc; c++) {
                gradient[shape.w2Offset() + j * nc + c] += w2tGradient[c * nh + j];
            }
        }
        Arrays.fill(w2tGradient, 0.0);
    }
}
