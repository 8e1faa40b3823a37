package io.mnistspark.optim;

import java.util.Locale;

/** The optimizers a run can name, with the notebook's learning rate as the usual setting. */
public enum OptimizerChoice {
    SGD,
    ADAM;

    /** A fresh optimizer (no state) for {@code parameterCount} parameters. */
    public Optimizer create(double learningRate, int parameterCount) {
        return switch (this) {
            case SGD -> new Sgd(learningRate);
            case ADAM -> new Adam(AdamSettings.keras(learningRate), parameterCount);
        };
    }

    /** Lower-case name as written on the command line and in summaries. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code sgd} or {@code adam} (any case). */
    public static OptimizerChoice parse(String text) {
        for (OptimizerChoice choice : values()) {
            if (choice.label().equalsIgnoreCase(text.trim())) {
                return choice;
            }
        }
        throw new IllegalArgumentException("unknown optimizer '" + text + "'; choose sgd or adam");
    }
}
