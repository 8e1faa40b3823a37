package io.mnistspark.model;

import io.mnistspark.numpy.RandomState;

/**
 * Weights from N(0, stddev^2) drawn exactly as numpy's
 * {@code rs = numpy.random.RandomState(seed); W1 = rs.normal(0, stddev, (inputs, hidden));
 * W2 = rs.normal(0, stddev, (hidden, classes))}, so a numpy script starts from the very same weights.
 * (TensorFlow's {@code tf.random.normal} stream, which the notebook used, cannot be reproduced.)
 */
public record NormalInit(double stddev, long seed) implements Initialization {
    public NormalInit {
        if (!(stddev > 0.0) || !Double.isFinite(stddev)) {
            throw new IllegalArgumentException("normal initialisation needs a positive finite stddev, got " + stddev);
        }
        if (seed < 0 || seed > 0xffffffffL) {
            throw new IllegalArgumentException("seed must be in [0, 4294967295], got " + seed);
        }
    }

    @Override
    public double[] create(NetworkShape shape) {
        double[] params = new double[shape.parameterCount()];
        RandomState random = new RandomState(seed);
        for (int i = shape.w1Offset(); i < shape.b1Offset(); i++) {
            params[i] = random.normal(0.0, stddev);
        }
        for (int i = shape.w2Offset(); i < shape.b2Offset(); i++) {
            params[i] = random.normal(0.0, stddev);
        }
        return params;
    }

    @Override
    public String name() {
        return "normal";
    }
}
