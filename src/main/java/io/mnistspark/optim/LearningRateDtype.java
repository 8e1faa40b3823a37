package io.mnistspark.optim;

import java.util.Locale;

/**
 * The precision the learning rate is held in before it scales float64 gradients. Keras keeps an
 * optimizer's learning rate in a float32 variable and casts it to the variable's dtype at each step, so the
 * notebook's {@code SGD(learning_rate=0.001)} really steps with {@code (double) 0.001f =
 * 0.0010000000474974513}; {@link #FLOAT32} reproduces that, {@link #FLOAT64} uses the value as written.
 */
public enum LearningRateDtype {
    FLOAT32,
    FLOAT64;

    /** The learning rate the update rules use. */
    public double effective(double learningRate) {
        return this == FLOAT32 ? (double) (float) learningRate : learningRate;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LearningRateDtype parse(String text) {
        for (LearningRateDtype dtype : values()) {
            if (dtype.label().equalsIgnoreCase(text.trim())) {
                return dtype;
            }
        }
        throw new IllegalArgumentException("unknown learning-rate dtype '" + text + "'; choose float32 or float64");
    }
}
