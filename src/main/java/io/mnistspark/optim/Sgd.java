package io.mnistspark.optim;

/** Plain gradient descent, {@code w -= lr * g}, as {@code tf.optimizers.SGD} without momentum. */
public final class Sgd implements Optimizer {
    private final double learningRate;
    private long steps;

    public Sgd(double learningRate) {
        if (!(learningRate > 0.0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a positive finite number, got " + learningRate);
        }
        this.learningRate = learningRate;
    }

    @Override
    public void update(double[] params, double[] gradient) {
        checkSizes(params, gradient);
        for (int i = 0; i < params.length; i++) {
            params[i] -= learningRate * gradient[i];
        }
        steps++;
    }

    @Override
    public long steps() {
        return steps;
    }

    @Override
    public OptimizerState state() {
        return new OptimizerState(steps, new double[0][]);
    }

    @Override
    public void restore(OptimizerState state) {
        if (state.moments().length != 0) {
            throw new IllegalArgumentException("SGD keeps no moments, the saved state has " + state.moments().length);
        }
        steps = state.steps();
    }

    static void checkSizes(double[] params, double[] gradient) {
        if (params.length != gradient.length) {
            throw new IllegalArgumentException(params.length + " parameters but a gradient of " + gradient.length);
        }
    }
}
