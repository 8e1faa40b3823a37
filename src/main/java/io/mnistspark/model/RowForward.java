package io.mnistspark.model;

/**
 * The network's forward pass for one row at a time, for predicting rows as they stream past (a model's
 * {@code transform}), where the block kernel's chunks do not apply. Sums run in the plain kernel's order:
 * {@code b1 + x W1} over the row's nonzero columns ascending, then {@code b2 + (h W2)}.
 *
 * <p>Not thread-safe (it reuses its hidden-layer scratch row); one per thread or task.
 */
public final class RowForward {
    private final NetworkShape shape;
    private final double[] params;
    private final double[] hidden;

    /** @param params the flat parameters (see {@link NetworkShape}); read, never modified */
    public RowForward(NetworkShape shape, double[] params) {
        if (params.length != shape.parameterCount()) {
            throw new IllegalArgumentException("a " + shape + " network has " + shape.parameterCount()
                    + " parameters, got " + params.length);
        }
        this.shape = shape;
        this.params = params;
        this.hidden = new double[shape.hidden()];
    }

    /** The row length the network takes. */
    public int inputs() {
        return shape.inputs();
    }

    /**
     * The logits of a row given by its nonzero columns.
     *
     * <p>Shapes: W1 inputs x hidden row-major, W2 hidden x classes row-major; {@code columns} ascending.
     *
     * @param columns the row's column indexes ({@code count} of them, ascending, each below the inputs)
     * @param values  the values at those columns
     */
    public double[] logits(int[] columns, double[] values, int count) {
        int nh = shape.hidden();
        int nc = shape.classes();
        System.arraycopy(params, shape.b1Offset(), hidden, 0, nh);
        for (int k = 0; k < count; k++) {
            double x = values[k];
            if (x == 0.0) {
                continue;
            }
            int w = shape.w1Offset() + columns[k] * nh;
            for (int j = 0; j < nh; j++) {
                hidden[j] += x * params[w + j];
            }
        }
        for (int j = 0; j < nh; j++) {
            if (hidden[j] < 0.0) {
                hidden[j] = 0.0;
            }
        }
        double[] logits = new double[nc];
        int w2 = shape.w2Offset();
        for (int c = 0; c < nc; c++) {
            double sum = 0.0;
            for (int j = 0; j < nh; j++) {
                sum += hidden[j] * params[w2 + j * nc + c];
            }
            logits[c] = params[shape.b2Offset() + c] + sum;
        }
        return logits;
    }

    /** Softmax of {@code logits}, through the largest logit so no exponent overflows. */
    public static double[] softmax(double[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double z : logits) {
            max = Math.max(max, z);
        }
        double[] p = new double[logits.length];
        double sum = 0.0;
        for (int c = 0; c < logits.length; c++) {
            p[c] = Math.exp(logits[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < p.length; c++) {
            p[c] /= sum;
        }
        return p;
    }

    /** The first class with the largest logit (numpy's argmax). */
    public static int argmax(double[] logits) {
        int best = 0;
        for (int c = 1; c < logits.length; c++) {
            if (logits[c] > logits[best]) {
                best = c;
            }
        }
        return best;
    }
}
