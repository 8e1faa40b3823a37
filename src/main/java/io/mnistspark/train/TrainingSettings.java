package io.mnistspark.train;

import io.mnistspark.model.Initialization;
import io.mnistspark.model.WeightPenalty;
import io.mnistspark.optim.HyperparameterDtype;
import io.mnistspark.optim.OptimizerChoice;
import java.util.Optional;

/**
 * Everything that decides one training run's numbers. Immutable; a run never changes it.
 *
 * @param hyperparameterDtype the precision the learning rate and Adam's betas are held in, float32 as Keras does
 * @param maxSteps updates to apply, or at most under early stopping
 * @param earlyStopping the stopping rule, empty to always run {@code maxSteps}
 * @param printEvery a progress line every this many steps
 * @param treeDepth depth of Spark's {@code treeAggregate}
 * @param lbfgsMemory the pairs L-BFGS keeps (only read when {@code optimizer} is {@link OptimizerChoice#LBFGS})
 * @param divergence when the run stops as diverged
 * @param penalty the L2 penalty on the weights added to the training objective
 */
public record TrainingSettings(String runName, int hidden, Initialization init, OptimizerChoice optimizer,
        double learningRate, HyperparameterDtype hyperparameterDtype, int maxSteps,
        Optional<EarlyStoppingRule> earlyStopping, int printEvery,
        int treeDepth, int lbfgsMemory, DivergenceRule divergence, WeightPenalty penalty) {
    /** L-BFGS's default memory, Breeze's and MLlib's 10 pairs. */
    public static final int DEFAULT_LBFGS_MEMORY = 10;
    public TrainingSettings {
        if (runName == null || runName.isBlank()) {
            throw new IllegalArgumentException("a run needs a name");
        }
        if (hidden < 1) {
            throw new IllegalArgumentException("hidden size must be at least 1, got " + hidden);
        }
        if (!(learningRate > 0.0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a positive finite number, got " + learningRate);
        }
        if (hyperparameterDtype == null) {
            throw new IllegalArgumentException("a learning-rate dtype is needed");
        }
        if (maxSteps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + maxSteps);
        }
        if (printEvery < 1) {
            throw new IllegalArgumentException("print-every must be at least 1, got " + printEvery);
        }
        if (treeDepth < 1) {
            throw new IllegalArgumentException("tree depth must be at least 1, got " + treeDepth);
        }
        if (lbfgsMemory < 1) {
            throw new IllegalArgumentException("L-BFGS memory must be at least 1, got " + lbfgsMemory);
        }
        if (divergence == null) {
            throw new IllegalArgumentException("a divergence rule is needed");
        }
        if (penalty == null) {
            throw new IllegalArgumentException("a weight penalty is needed (WeightPenalty.NONE for none)");
        }
    }

    /** Settings with the optimizer's default weight penalty ({@link OptimizerChoice#defaultRegParam()}). */
    public TrainingSettings(String runName, int hidden, Initialization init, OptimizerChoice optimizer,
            double learningRate, HyperparameterDtype hyperparameterDtype, int maxSteps,
            Optional<EarlyStoppingRule> earlyStopping, int printEvery, int treeDepth, int lbfgsMemory,
            DivergenceRule divergence) {
        this(runName, hidden, init, optimizer, learningRate, hyperparameterDtype, maxSteps, earlyStopping, printEvery,
                treeDepth, lbfgsMemory, divergence, new WeightPenalty(optimizer.defaultRegParam()));
    }

    /**
     * Settings with L-BFGS's default memory (which only an lbfgs run reads), the default divergence rule
     * ({@link DivergenceRule#defaults()}) and the optimizer's default weight penalty.
     */
    public TrainingSettings(String runName, int hidden, Initialization init, OptimizerChoice optimizer,
            double learningRate, HyperparameterDtype hyperparameterDtype, int maxSteps,
            Optional<EarlyStoppingRule> earlyStopping, int printEvery, int treeDepth) {
        this(runName, hidden, init, optimizer, learningRate, hyperparameterDtype, maxSteps, earlyStopping, printEvery,
                treeDepth, DEFAULT_LBFGS_MEMORY, DivergenceRule.defaults());
    }

    /** Settings with the default divergence rule and the optimizer's default weight penalty. */
    public TrainingSettings(String runName, int hidden, Initialization init, OptimizerChoice optimizer,
            double learningRate, HyperparameterDtype hyperparameterDtype, int maxSteps,
            Optional<EarlyStoppingRule> earlyStopping, int printEvery, int treeDepth, int lbfgsMemory) {
        this(runName, hidden, init, optimizer, learningRate, hyperparameterDtype, maxSteps, earlyStopping, printEvery,
                treeDepth, lbfgsMemory, DivergenceRule.defaults());
    }

    /** The learning rate the optimizer steps with, after {@link #hyperparameterDtype()}. */
    public double effectiveLearningRate() {
        return hyperparameterDtype.effective(learningRate);
    }
}
