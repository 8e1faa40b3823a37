package io.mnistspark.model;

/**
 * The L2 penalty on the weights, {@code (regParam / 2) (|W1|^2 + |W2|^2)}, added to the mean training
 * cross-entropy to make the objective an optimizer descends; the biases are not penalised (as Spark's
 * LogisticRegression leaves its intercept alone). Without it the objective has no minimum on data the network
 * can separate: the loss keeps falling as the weights grow, which L-BFGS follows until its line search fails.
 * Computed on the driver from the parameters it holds, so the distributed pass is the same with or without it.
 *
 * @param regParam the penalty's weight, {@code >= 0}; 0 is no penalty
 */
public record WeightPenalty(double regParam) {
    /** No penalty: the objective is the mean cross-entropy alone, as in the notebook. */
    public static final WeightPenalty NONE = new WeightPenalty(0.0);

    public WeightPenalty {
        if (!(regParam >= 0.0) || !Double.isFinite(regParam)) {
            throw new IllegalArgumentException("the L2 penalty's weight must be a finite number of 0 or more, got "
                    + regParam);
        }
    }

    /**
     * Adds the penalty's gradient {@code regParam * W} into {@code gradient}'s weight entries (modifies
     * {@code gradient}; untouched when {@code regParam} is 0, so an unpenalised run keeps its bits) and returns
     * the penalty's value at {@code params}, to add to the mean cross-entropy.
     */
    public double addTo(NetworkShape shape, double[] params, double[] gradient) {
        if (regParam == 0.0) {
            return 0.0;
        }
        double squares = addOver(params, gradient, shape.w1Offset(), shape.b1Offset())
                + addOver(params, gradient, shape.w2Offset(), shape.b2Offset());
        return 0.5 * regParam * squares;
    }

    private double addOver(double[] params, double[] gradient, int from, int to) {
        double squares = 0.0;
        for (int i = from; i < to; i++) {
            double w = params[i];
            squares += w * w;
            gradient[i] += regParam * w;
        }
        return squares;
    }
}
