package io.mnistspark.train;

import io.mnistspark.model.NetworkShape;
import io.mnistspark.optim.Optimizer;
import io.mnistspark.optim.OptimizerState;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a run carries from one step to the next: parameters, optimizer state, the history so far,
 * the early-stopping state and (under restore-best) the best parameters. A checkpoint is a copy of it, so
 * a resumed run continues exactly where the saved one was.
 */
public final class RunState {
    private final double[] params;
    private final Optimizer optimizer;
    private final List<StepRecord> history;
    private final EarlyStopping stopping;
    private double[] bestParams;
    private final long elapsedBeforeMs;

    private RunState(double[] params, Optimizer optimizer, List<StepRecord> history, EarlyStopping stopping,
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
        Optimizer optimizer = settings.optimizer().create(settings.learningRate(), settings.hyperparameterDtype(),
                shape.parameterCount());
        return new RunState(settings.init().create(shape), optimizer, new ArrayList<>(), new EarlyStopping(rule(settings)),
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
        Optimizer optimizer = settings.optimizer().create(settings.learningRate(), settings.hyperparameterDtype(),
                shape.parameterCount());
        optimizer.restore(optimizerState);
        EarlyStopping stopping = new EarlyStopping(rule(settings), bestLoss, bestStep, stepsWithoutImprovement);
        long elapsed = history.isEmpty() ? 0 : history.get(history.size() - 1).elapsedMs();
        return new RunState(params, optimizer, new ArrayList<>(history), stopping, bestParams, elapsed);
    }

    private static EarlyStoppingRule rule(TrainingSettings settings) {
        return settings.earlyStopping().orElse(EarlyStoppingRule.notebook());
    }

    /** The current parameters (live: the trainer updates them in place). */
    public double[] params() {
        return params;
    }

    public Optimizer optimizer() {
        return optimizer;
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
