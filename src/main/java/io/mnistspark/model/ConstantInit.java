package io.mnistspark.model;

import java.util.Arrays;

/**
 * Every weight equal to {@code value}, the notebook's {@code tf.fill(..., 0.01)}. All hidden units then
 * start identical and receive identical gradients, so exact arithmetic keeps them identical for ever.
 */
public record ConstantInit(double value) implements Initialization {
    public ConstantInit {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("constant initial weight must be finite, got " + value);
        }
    }

    @Override
    public double[] create(NetworkShape shape) {
        double[] params = new double[shape.parameterCount()];
        Arrays.fill(params, shape.w1Offset(), shape.b1Offset(), value);
        Arrays.fill(params, shape.w2Offset(), shape.b2Offset(), value);
        return params;
    }

    @Override
    public String name() {
        return "constant";
    }
}
