package io.mnistspark.settings;

import io.mnistspark.numpy.PythonRepr;
import io.mnistspark.optim.OptimizerChoice;
import io.mnistspark.train.DivergenceRule;
import java.util.List;

/**
 * Every setting of a training run, declared once (see {@link Setting}). The order is the order of the
 * command line's help and of {@code summary.json}.
 *
 * <p>Adding a setting: declare it here and add it to {@link #ALL}; give it an accessor and a getter in
 * {@link RunParams} and a setter in {@code ml.MlpClassifier}; carry it into {@code train.TrainingSettings}
 * in {@link SettingValues#toTrainingSettings} and back in {@link SettingValues#of}; use it. The command line,
 * suite profiles, checkpoints and summaries pick it up from here.
 */
public final class RunSettings {
    private static final long MAX_SEED = 0xffffffffL;

    public static final Setting<Integer> HIDDEN_UNITS = new Setting<>("hiddenUnits", SettingKind.INT,
            "Hidden units of the ReLU layer.", 128, "at least 1", v -> v >= 1, "--hidden", "N", "hidden");

    public static final Setting<String> SOLVER = new Setting<>("solver", SettingKind.CHOICE,
            "The optimizer: sgd (w -= lr g), adam (Keras' Adam: b1 0.9, b2 0.999, eps 1e-7) or lbfgs (L-BFGS with a "
                    + "strong Wolfe line search on the exact full-batch loss, as Breeze's LBFGS; no learning rate; "
                    + "MLlib's spelling l-bfgs is accepted).", "adam",
            "sgd, adam or lbfgs", v -> v.equals("sgd") || v.equals("adam") || v.equals("lbfgs") || v.equals("l-bfgs"),
            "--optimizer", "sgd|adam|lbfgs", "optimizer");

    public static final Setting<Integer> LBFGS_MEMORY = new Setting<>("lbfgsMemory", SettingKind.INT,
            "With lbfgs: the step and gradient-change pairs kept for the inverse Hessian (Breeze's m, MLlib's "
                    + "numCorrections).", 10, "at least 1", v -> v >= 1, "--lbfgs-memory", "M", "lbfgs_memory");

    public static final Setting<Double> REG_PARAM = new Setting<>("regParam", SettingKind.DOUBLE,
            "L2 penalty on the weights (not the biases): the optimizer descends the mean cross-entropy plus "
                    + "regParam/2 times the sum of the squared weights (Spark's LogisticRegression's regParam with "
                    + "elasticNetParam 0); the history's losses stay the cross-entropy alone.", 0.0,
            "a number of 0 or more", v -> v >= 0.0 && Double.isFinite(v), "--reg-param", "L2", "reg_param",
            "0 for sgd and adam (the notebook's runs have none), " + PythonRepr.format(OptimizerChoice.LBFGS_REG_PARAM)
                    + " for lbfgs");

    public static final Setting<Double> STEP_SIZE = new Setting<>("stepSize", SettingKind.DOUBLE,
            "Learning rate (sgd and adam; lbfgs's line search chooses its own steps).", 0.001, "a positive number", v -> v > 0.0 && Double.isFinite(v), "--learning-rate",
            "LR", "learning_rate");

    public static final Setting<String> HYPERPARAMETER_DTYPE = new Setting<>("hyperparameterDtype",
            SettingKind.CHOICE, "Precision the learning rate and Adam's betas are held in. Keras keeps them in "
                    + "float32 variables, so the notebook stepped with (double) 0.001f = 0.0010000000474974513 and "
                    + "b1 = 0.8999999761581421; float32 reproduces its printed losses to the last digits.",
            "float32", "float32 or float64", v -> v.equals("float32") || v.equals("float64"),
            "--hyperparameter-dtype", "float32|float64", "hyperparameter_dtype");

    public static final Setting<Integer> MAX_ITER = new Setting<>("maxIter", SettingKind.INT,
            "Updates to apply (full-batch steps); under early stopping the maximum.", 1000, "at least 1",
            v -> v >= 1, "--steps", "N", "max_steps");

    public static final Setting<String> INIT_MODE = new Setting<>("initMode", SettingKind.CHOICE,
            "Weight initialisation: constant (every weight initValue) or normal (N(0, initStddev^2), numpy's "
                    + "RandomState(seed).normal). Biases start at 0.", "normal", "constant or normal",
            v -> v.equals("constant") || v.equals("normal"), "--init", "constant|normal", "init");

    public static final Setting<Double> INIT_VALUE = new Setting<>("initValue", SettingKind.DOUBLE,
            "Every weight under constant initialisation.", 0.01, "a finite number", Double::isFinite,
            "--init-value", "W", "init_value");

    public static final Setting<Double> INIT_STDDEV = new Setting<>("initStddev", SettingKind.DOUBLE,
            "Standard deviation of the normal initialisation.", 0.1, "a positive number",
            v -> v > 0.0 && Double.isFinite(v), "--init-stddev", "SD", "init_stddev");

    public static final Setting<Long> SEED = new Setting<>("seed", SettingKind.LONG,
            "Seed of the normal initialisation.", 0L, "in [0, " + MAX_SEED + "]", v -> v >= 0 && v <= MAX_SEED,
            "--seed", "N", "seed");

    public static final Setting<Boolean> EARLY_STOPPING = new Setting<>("earlyStopping", SettingKind.BOOLEAN,
            "Stop when the validation loss stops falling: by default at the first step whose validation loss is "
                    + "higher than the step before (the notebook's rule).", false, "true or false", v -> true,
            "--early-stopping", null, "early_stopping");

    public static final Setting<Integer> PATIENCE = new Setting<>("patience", SettingKind.INT,
            "With early stopping: steps without improvement before stopping (Keras' meaning; 0 and 1 both stop at "
                    + "the first).", 0, "0 or more", v -> v >= 0, "--patience", "N", "patience");

    public static final Setting<Double> MIN_DELTA = new Setting<>("minDelta", SettingKind.DOUBLE,
            "With early stopping: a step improves only if its validation loss is at least this much below the "
                    + "best.", 0.0, "a number of 0 or more", v -> v >= 0.0 && Double.isFinite(v), "--min-delta", "X",
            "min_delta");

    public static final Setting<Boolean> RESTORE_BEST = new Setting<>("restoreBest", SettingKind.BOOLEAN,
            "With early stopping: end with the parameters of the step with the best validation loss.", false,
            "true or false", v -> true, "--restore-best", null, "restore_best");

    public static final Setting<Integer> PRINT_EVERY = new Setting<>("printEvery", SettingKind.INT,
            "A progress line every this many steps.", 100, "at least 1", v -> v >= 1, "--print-every", "N",
            "print_every");

    public static final Setting<Integer> AGGREGATION_DEPTH = new Setting<>("aggregationDepth", SettingKind.INT,
            "Depth of Spark's treeAggregate for the gradient sums on a cluster, where Spark's rule adds levels (6+ "
                    + "partitions at depth 2); fewer partitions, or local mode, merge on the driver.", 2, "at least 1", v -> v >= 1, "--tree-depth", "N",
            "tree_depth");

    public static final Setting<Double> DIVERGENCE_FACTOR = new Setting<>("divergenceFactor", SettingKind.DOUBLE,
            "Stop the run as diverged when its training loss rises above this many times step 1's (a loss or "
                    + "gradient that is not finite always stops it); 0 turns the rise check off.",
            DivergenceRule.DEFAULT_FACTOR, DivergenceRule.ALLOWED, DivergenceRule::isAllowed, "--divergence-factor",
            "F", "divergence_factor");

    /** Every run setting, in the order of help texts and summaries. */
    public static final List<Setting<?>> ALL = List.of(SOLVER, LBFGS_MEMORY, REG_PARAM, STEP_SIZE, HYPERPARAMETER_DTYPE, INIT_MODE, INIT_VALUE,
            INIT_STDDEV, SEED, HIDDEN_UNITS, MAX_ITER, EARLY_STOPPING, PATIENCE, MIN_DELTA, RESTORE_BEST, PRINT_EVERY,
            AGGREGATION_DEPTH, DIVERGENCE_FACTOR);

    /** The settings that refine early stopping and mean nothing without it. */
    public static final List<Setting<?>> EARLY_STOPPING_REFINEMENTS = List.of(PATIENCE, MIN_DELTA, RESTORE_BEST);

    private RunSettings() {
    }

    /** The setting with Spark param name, command-line option (with or without dashes) or summary key {@code key}. */
    public static Setting<?> find(String key) {
        for (Setting<?> setting : ALL) {
            if (setting.name().equals(key) || setting.option().equals(key) || setting.option().equals("--" + key)
                    || setting.summaryKey().equals(key)) {
                return setting;
            }
        }
        return null;
    }
}
