package io.mnistspark.optim;

import java.util.Locale;

/** The optimizers a run can name, with the notebook's learning rate as the usual setting. */
public enum OptimizerChoice {
    SGD,
    ADAM,
    /** L-BFGS with a strong Wolfe line search ({@link Lbfgs}); it takes no learning rate. */
    LBFGS;

    /** lbfgs's default L2 weight: of 3e-5 to 1e-3, the one with the lowest best validation loss on MNIST. */
    public static final double LBFGS_REG_PARAM = 3e-4;

    /** A fresh optimizer (no state) for {@code parameterCount} parameters, hyperparameters exactly as given. */
    public Optimizer create(double learningRate, int parameterCount) {
        return create(learningRate, HyperparameterDtype.FLOAT64, parameterCount);
    }

    /**
     * A fresh optimizer whose learning rate and Adam betas are held in {@code dtype} first, as Keras keeps
     * them in float32 variables (epsilon stays a float64 constant, as in Keras).
     *
     * @throws IllegalArgumentException for {@link #LBFGS}, which is not a rule applied to one gradient (make
     *                                  an {@link Lbfgs})
     */
    public Optimizer create(double learningRate, HyperparameterDtype dtype, int parameterCount) {
        AdamSettings keras = AdamSettings.keras(learningRate);
        return switch (this) {
            case SGD -> new Sgd(dtype.effective(learningRate));
            case ADAM -> new Adam(new AdamSettings(dtype.effective(keras.learningRate()), dtype.effective(keras.beta1()),
                    dtype.effective(keras.beta2()), keras.epsilon()), parameterCount);
            case LBFGS -> throw new IllegalArgumentException("lbfgs searches along a line with many evaluations "
                    + "per step; it is an Lbfgs, not a per-gradient Optimizer");
        };
    }

    /**
     * The L2 penalty's weight ({@code regParam}) a run of this optimizer gets when none is chosen: none for
     * sgd and adam (the notebook's runs have none), {@value #LBFGS_REG_PARAM} for lbfgs, whose unpenalised
     * objective has no minimum to converge to (see README, <i>L-BFGS</i>, for how the value was chosen).
     */
    public double defaultRegParam() {
        return this == LBFGS ? LBFGS_REG_PARAM : 0.0;
    }

    /** Whether each step asks the objective for as many evaluations as its line search needs. */
    public boolean searchesLines() {
        return this == LBFGS;
    }

    /** Lower-case name as written on the command line and in summaries. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code sgd}, {@code adam} or {@code lbfgs} (also MLlib's spelling {@code l-bfgs}), any case. */
    public static OptimizerChoice parse(String text) {
        if (text.trim().equalsIgnoreCase("l-bfgs")) {
            return LBFGS;
        }
        for (OptimizerChoice choice : values()) {
            if (choice.label().equalsIgnoreCase(text.trim())) {
                return choice;
            }
        }
        throw new IllegalArgumentException("unknown optimizer '" + text + "'; choose sgd, adam or lbfgs");
    }
}
