package io.mnistspark.train;

import io.mnistspark.model.NetworkShape;
import io.mnistspark.optim.Lbfgs;
import io.mnistspark.optim.Optimizer;
import io.mnistspark.optim.OptimizerMemory;
import io.mnistspark.optim.OptimizerState;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a run carries from one step to the next: parameters, optimizer state (an {@link Optimizer}'s,
 * or for an lbfgs run its {@link Lbfgs}'s memory of steps), the history so far,
 * the early-stopping state and (under restore-best) the best parameters. A checkpoint is a copy of it, so
 * a resumed run continues exactly where the saved one was.
 */
public final class RunState {
    private final double[] params;
    private final OptimizerMemory optimizer;
    private final List<StepRecord> history;
    private final EarlyStopping stopping;
    private double[] bestParams;
    private final long elapsedBeforeMs;

    private RunState(double[] params, OptimizerMemory optimizer, List<StepRecord> history, EarlyStopping stopping,
            double[] bestParams, long elapsedBeforeMs) {
        this.params = params;
        this.optimizer = optimizer;
        this.history = history;
        this.stopping = stopping;
        this.bestParams = bestParams;
        this.elapsedBeforeMs = elapsedBeforeMs;
    }

    /** A new run from the settings' initialisation. */
    public static RunState fresh(TrainingSettings settings, NetworkShape shape) {
        return new RunState(settings.init().create(shape), newOptimizer(settings, shape), new ArrayList<>(), new EarlyStopping(rule(settings)),
                null, 0);
    }

    /** A run continued from saved state (all arrays are taken, not copied). */
    public static RunState restored(TrainingSettings settings, NetworkShape shape, double[] params,
            OptimizerState optimizerState, List<StepRecord> history, double bestLoss, int bestStep,
            int stepsWithoutImprovement, double[] bestParams) {
        if (params.length != shape.parameterCount()) {
            throw new IllegalArgumentException("saved parameters have " + params.length + " values, network "
                    + shape + " needs " + shape.parameterCount());
        }
        if (optimizerState.steps() != history.size()) {
            throw new IllegalArgumentException("saved optimizer made " + optimizerState.steps()
                    + " updates but the history has " + history.size() + " steps");
        }
        OptimizerMemory optimizer = newOptimizer(settings, shape);
        optimizer.restore(optimizerState);
        EarlyStopping stopping = new EarlyStopping(rule(settings), bestLoss, bestStep, stepsWithoutImprovement);
        long elapsed = history.isEmpty() ? 0 : history.get(history.size() - 1).elapsedMs();
        return new RunState(params, optimizer, new ArrayList<>(history), stopping, bestParams, elapsed);
    }

    private static OptimizerMemory newOptimizer(TrainingSettings settings, NetworkShape shape) {
        if (settings.optimizer().searchesLines()) {
            return new Lbfgs(settings.lbfgsMemory(), shape.parameterCount());
        }
        return settings.optimizer().create(settings.learningRate(), settings.hyperparameterDtype(),
                shape.parameterCount());
    }

    private static EarlyStoppingRule rule(TrainingSettings settings) {
        return settings.earlyStopping().orElse(EarlyStoppingRule.notebook());
    }

    /** The current parameters (live: the trainer updates them in place). */
    public double[] params() {
        return params;
    }

    /** The first-order optimizer of an sgd or adam run. */
    public Optimizer optimizer() {
        if (!(optimizer instanceof Optimizer rule)) {
            throw new IllegalStateException("an lbfgs run has no per-gradient optimizer; see lbfgs()");
        }
        return rule;
    }

    /** Whether this run steps by line searches (lbfgs), through {@link #lbfgs()}. */
    public boolean searchesLines() {
        return optimizer instanceof Lbfgs;
    }

    /** The L-BFGS state of an lbfgs run. */
    public Lbfgs lbfgs() {
        if (!(optimizer instanceof Lbfgs method)) {
            throw new IllegalStateException("only an lbfgs run has an L-BFGS memory");
        }
        return method;
    }

    public OptimizerState optimizerState() {
        return optimizer.state();
    }

    public List<StepRecord> history() {
        return List.copyOf(history);
    }

    public int stepsDone() {
        return history.size();
    }

    public EarlyStopping stopping() {
        return stopping;
    }

    /** The best step's parameters, kept only under restore-best; null otherwise or before any step. */
    public double[] bestParams() {
        return bestParams;
    }

    void keepBest() {
        bestParams = params.clone();
    }

    void record(StepRecord record) {
        history.add(record);
    }

    /** Wall time of the steps done before this process took the run over. */
    long elapsedBeforeMs() {
        return elapsedBeforeMs;
    }
}
