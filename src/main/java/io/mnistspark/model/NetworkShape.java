package io.mnistspark.model;

import java.io.Serializable;

/**
 * The sizes of the two-layer network and where each tensor sits in the one flat parameter array:
 * W1 ({@code inputs x hidden}, row-major), b1 ({@code hidden}), W2 ({@code hidden x classes}, row-major),
 * b2 ({@code classes}), in that order.
 */
public record NetworkShape(int inputs, int hidden, int classes) implements Serializable {
    public NetworkShape {
        if (inputs < 1) {
            throw new IllegalArgumentException("inputs must be at least 1, got " + inputs);
        }
        if (hidden < 1) {
            throw new IllegalArgumentException("hidden size must be at least 1, got " + hidden);
        }
        if (classes < 2) {
            throw new IllegalArgumentException("a classifier needs at least 2 classes, got " + classes);
        }
        long count = (long) inputs * hidden + hidden + (long) hidden * classes + classes;
        if (count > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException(inputs + "-" + hidden + "-" + classes
                    + " needs " + count + " parameters; at most " + (Integer.MAX_VALUE - 16) + " fit in one array");
        }
    }

    public int w1Offset() {
        return 0;
    }

    public int b1Offset() {
        return inputs * hidden;
    }

    public int w2Offset() {
        return b1Offset() + hidden;
    }

    public int b2Offset() {
        return w2Offset() + hidden * classes;
    }

    public int parameterCount() {
        return b2Offset() + classes;
    }

    @Override
    public String toString() {
        return inputs + "-" + hidden + "-" + classes;
    }
}
