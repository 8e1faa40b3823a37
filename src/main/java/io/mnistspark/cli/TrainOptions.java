package io.mnistspark.cli;

import io.mnistspark.model.ConstantInit;
import io.mnistspark.model.Initialization;
import io.mnistspark.model.NormalInit;
import io.mnistspark.optim.HyperparameterDtype;
import io.mnistspark.optim.OptimizerChoice;
import io.mnistspark.train.EarlyStoppingRule;
import io.mnistspark.train.TrainingSettings;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The settings of one training run, turned into a validated {@link TrainingSettings}. */
public final class TrainOptions {
    static final int DEFAULT_STEPS = 1000;
    static final int DEFAULT_MAX_STEPS_EARLY = 10000;

    @Option(names = "--optimizer", paramLabel = "sgd|adam", defaultValue = "adam",
            description = "sgd (w -= lr g) or adam (Keras' Adam: b1 0.9, b2 0.999, eps 1e-7). Default: ${DEFAULT-VALUE}.")
    String optimizer;

    @Option(names = "--learning-rate", paramLabel = "LR", defaultValue = "0.001",
            description = "Learning rate. Default: ${DEFAULT-VALUE}.")
    double learningRate;

    @Option(names = "--hyperparameter-dtype", paramLabel = "float32|float64", defaultValue = "float32",
            description = "Precision the learning rate and Adam's betas are held in. Keras keeps them in float32 "
                    + "variables, so the notebook stepped with (double) 0.001f = 0.0010000000474974513 and "
                    + "b1 = 0.8999999761581421; float32 reproduces its printed losses to the last digits. "
                    + "Default: ${DEFAULT-VALUE}.")
    String hyperparameterDtype;

    @Option(names = "--init", paramLabel = "constant|normal", defaultValue = "normal",
            description = "Weight initialisation: constant (every weight --init-value) or normal (N(0, --init-stddev), "
                    + "numpy's RandomState(--seed).normal). Biases start at 0. Default: ${DEFAULT-VALUE}.")
    String init;

    @Option(names = "--init-value", paramLabel = "W", defaultValue = "0.01",
            description = "The weight under --init constant. Default: ${DEFAULT-VALUE}.")
    double initValue;

    @Option(names = "--init-stddev", paramLabel = "SD", defaultValue = "0.1",
            description = "Standard deviation under --init normal. Default: ${DEFAULT-VALUE}.")
    double initStddev;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "Seed of the normal initialisation. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--hidden", paramLabel = "N", defaultValue = "128",
            description = "Hidden units. Default: ${DEFAULT-VALUE}.")
    int hidden;

    @Option(names = "--steps", paramLabel = "N",
            description = "Updates to apply (full-batch steps); under --early-stopping the maximum. "
                    + "Default: " + DEFAULT_STEPS + ", or " + DEFAULT_MAX_STEPS_EARLY + " with --early-stopping.")
    Integer steps;

    @Option(names = "--early-stopping",
            description = "Stop when the validation loss stops falling: by default at the first step whose "
                    + "validation loss is higher than the step before (the notebook's rule).")
    boolean earlyStopping;

    @Option(names = "--patience", paramLabel = "N",
            description = "With --early-stopping: steps without improvement before stopping (Keras' meaning; 0 and 1 "
                    + "both stop at the first). Default: 0.")
    Integer patience;

    @Option(names = "--min-delta", paramLabel = "X",
            description = "With --early-stopping: a step improves only if its validation loss is at least X below the "
                    + "best. Default: 0.")
    Double minDelta;

    @Option(names = "--restore-best",
            description = "With --early-stopping: end with the parameters of the step with the best validation loss.")
    boolean restoreBest;

    @Option(names = "--print-every", paramLabel = "N", defaultValue = "100",
            description = "A progress line every N steps. Default: ${DEFAULT-VALUE}.")
    int printEvery;

    @Option(names = "--tree-depth", paramLabel = "N", defaultValue = "2",
            description = "Depth of Spark's treeAggregate for the gradient sums. Default: ${DEFAULT-VALUE}.")
    int treeDepth;

    /** The run's settings; {@code name} null picks {@code <optimizer>-<init>}. */
    TrainingSettings toSettings(String name) {
        OptimizerChoice choice;
        try {
            choice = OptimizerChoice.parse(optimizer);
        } catch (IllegalArgumentException e) {
            throw new SettingsException("--optimizer: " + e.getMessage());
        }
        checkRanges();
        HyperparameterDtype dtype;
        try {
            dtype = HyperparameterDtype.parse(hyperparameterDtype);
        } catch (IllegalArgumentException e) {
            throw new SettingsException("--hyperparameter-dtype: " + e.getMessage());
        }
        double effective = dtype.effective(learningRate);
        if (!(effective > 0.0) || !Double.isFinite(effective)) {
            throw new SettingsException("--learning-rate " + learningRate + " is not a positive finite " + dtype.label()
                    + " (it becomes " + effective + "); choose another rate or --hyperparameter-dtype float64");
        }
        if (!earlyStopping && (patience != null || minDelta != null || restoreBest)) {
            throw new SettingsException("--patience, --min-delta and --restore-best refine --early-stopping; "
                    + "add --early-stopping or drop them");
        }
        try {
            Initialization initialization = initialization();
            Optional<EarlyStoppingRule> rule = earlyStopping
                    ? Optional.of(new EarlyStoppingRule(patience == null ? 0 : patience,
                            minDelta == null ? 0.0 : minDelta, restoreBest))
                    : Optional.empty();
            int maxSteps = steps != null ? steps : (earlyStopping ? DEFAULT_MAX_STEPS_EARLY : DEFAULT_STEPS);
            String runName = name != null ? name
                    : choice.label() + "-" + initialization.name() + (earlyStopping ? "-early" : "");
            return new TrainingSettings(runName, hidden, initialization, choice, learningRate,
                    HyperparameterDtype.parse(hyperparameterDtype), maxSteps, rule,
                    printEvery, treeDepth);
        } catch (IllegalArgumentException e) {
            throw new SettingsException(e.getMessage());
        }
    }

    private void checkRanges() {
        if (!(learningRate > 0.0) || !Double.isFinite(learningRate)) {
            throw new SettingsException("--learning-rate must be a positive number, got " + learningRate);
        }
        if (steps != null && steps < 1) {
            throw new SettingsException("--steps must be at least 1, got " + steps);
        }
        if (hidden < 1) {
            throw new SettingsException("--hidden must be at least 1, got " + hidden);
        }
        if (patience != null && patience < 0) {
            throw new SettingsException("--patience must be 0 or more, got " + patience);
        }
        if (minDelta != null && (!(minDelta >= 0.0) || !Double.isFinite(minDelta))) {
            throw new SettingsException("--min-delta must be a number of 0 or more, got " + minDelta);
        }
        if (!(initStddev > 0.0) || !Double.isFinite(initStddev)) {
            throw new SettingsException("--init-stddev must be a positive number, got " + initStddev);
        }
        if (!Double.isFinite(initValue)) {
            throw new SettingsException("--init-value must be a finite number, got " + initValue);
        }
        if (seed < 0 || seed > 0xffffffffL) {
            throw new SettingsException("--seed must be in [0, 4294967295], got " + seed);
        }
        if (printEvery < 1) {
            throw new SettingsException("--print-every must be at least 1, got " + printEvery);
        }
        if (treeDepth < 1) {
            throw new SettingsException("--tree-depth must be at least 1, got " + treeDepth);
        }
    }

    private Initialization initialization() {
        return switch (init.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "constant" -> new ConstantInit(initValue);
            case "normal" -> new NormalInit(initStddev, seed);
            default -> throw new SettingsException("--init: unknown initialisation '" + init + "'; choose constant or normal");
        };
    }
}
