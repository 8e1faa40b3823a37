package io.mnistspark.optim;

import java.util.Locale;

/**
 * The precision an optimizer's hyperparameters (learning rate, Adam's betas) are held in before they act on
 * float64 parameters. Keras keeps them in float32 variables and casts them to the variables' dtype at each
 * step, so the notebook's {@code SGD(learning_rate=0.001)} really steps with {@code (double) 0.001f =
 * 0.0010000000474974513} and its Adam uses b1 = 0.8999999761581421, b2 = 0.9990000128746033.
 * {@link #FLOAT32} reproduces that; {@link #FLOAT64} uses the values as written.
 */
public enum HyperparameterDtype {
    FLOAT32,
    FLOAT64;

    /** The value the update rules use for a hyperparameter given as {@code value}. */
    public double effective(double value) {
        return this == FLOAT32 ? (double) (float) value : value;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static HyperparameterDtype parse(String text) {
        for (HyperparameterDtype dtype : values()) {
            if (dtype.label().equalsIgnoreCase(text.trim())) {
                return dtype;
            }
        }
        throw new IllegalArgumentException("unknown hyperparameter dtype '" + text + "'; choose float32 or float64");
    }
}
