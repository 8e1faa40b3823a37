package io.mnistspark.optim;

/**
 * Adam (Kingma and Ba, 2015, arXiv:1412.6980) in the form TensorFlow's and Keras' kernels compute it,
 * with the bias corrections folded into the step size:
 * <pre>
 *   lr_t = lr * sqrt(1 - b2^t) / (1 - b1^t)
 *   m   += (g - m) * (1 - b1)          (= b1 m + (1 - b1) g)
 *   v   += (g^2 - v) * (1 - b2)        (= b2 v + (1 - b2) g^2)
 *   w   -= (m * lr_t) / (sqrt(v) + eps)
 * </pre>
 * Written as TensorFlow writes it so the float64 roundings match too; eps is added to sqrt(v), not v-hat,
 * which is why Keras' 1e-7 differs from the paper's 1e-8.
 */
public final class Adam implements Optimizer {
    private final AdamSettings settings;
    private double[] m;
    private double[] v;
    private long steps;

    public Adam(AdamSettings settings, int parameterCount) {
        this.settings = settings;
        this.m = new double[parameterCount];
        this.v = new double[parameterCount];
    }

    @Override
    public void update(double[] params, double[] gradient) {
        Sgd.checkSizes(params, gradient);
        if (params.length != m.length) {
            throw new IllegalArgumentException("Adam was set up for " + m.length + " parameters, got " + params.length);
        }
        long t = steps + 1;
        double b1 = settings.beta1();
        double b2 = settings.beta2();
        double alpha = settings.learningRate() * Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t));
        double oneMinusB1 = 1 - b1;
        double oneMinusB2 = 1 - b2;
        double eps = settings.epsilon();
        for (int i = 0; i < params.length; i++) {
            double g = gradient[i];
            m[i] += (g - m[i]) * oneMinusB1;
            v[i] += (g * g - v[i]) * oneMinusB2;
            params[i] -= (m[i] * alpha) / (Math.sqrt(v[i]) + eps);
        }
        steps = t;
    }

    @Override
    public long steps() {
        return steps;
    }

    @Override
    public OptimizerState state() {
        return new OptimizerState(steps, new double[][] {m, v});
    }

    @Override
    public void restore(OptimizerState state) {
        double[][] moments = state.moments();
        if (moments.length != 2 || moments[0].length != m.length || moments[1].length != v.length) {
            throw new IllegalArgumentException("Adam state needs 2 moment arrays of " + m.length
                    + " values; the saved state does not match");
        }
        m = moments[0];
        v = moments[1];
        steps = state.steps();
    }
}
