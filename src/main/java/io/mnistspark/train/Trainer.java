package io.mnistspark.train;

import io.mnistspark.model.BatchSums;
import io.mnistspark.model.NetworkShape;
import java.util.Optional;

/**
 * The step loop on the driver. One fused pass per step: the pass at the parameters after update t gives
 * step t's validation loss and, in the same sweep, the training loss and gradient for update t + 1. So
 * each history row keeps the notebook's meaning (train loss before the update, validation loss after it)
 * at the cost of one pass per step plus one closing pass. The optimizer follows the gradient of the training
 * objective, the mean cross-entropy plus the settings' {@link io.mnistspark.model.WeightPenalty}; the history's
 * losses are the cross-entropy alone, so train and validation losses stay comparable. An lbfgs run steps through
 * {@link LineSearchTrainer} instead, several passes per step.
 */
public final class Trainer {
    private final FullBatchPass pass;
    private final NetworkShape shape;
    private final TrainingSettings settings;

    public Trainer(FullBatchPass pass, NetworkShape shape, TrainingSettings settings) {
        this.pass = pass;
        this.shape = shape;
        this.settings = settings;
    }

    /** Trains from the settings' initialisation, without checkpoints. */
    public TrainingResult train(StepListener listener) {
        return train(RunState.fresh(settings, shape), listener, Checkpointer.NONE);
    }

    /**
     * Trains from {@code state} (fresh or restored from a checkpoint; modified in place) up to the
     * settings' step count, calling {@code checkpointer} after every step.
     */
    public TrainingResult train(RunState state, StepListener listener, Checkpointer checkpointer) {
        if (state.searchesLines()) {
            return new LineSearchTrainer(pass, shape, settings).train(state, listener, checkpointer);
        }
        double[] params = state.params();
        long start = System.nanoTime();
        int maxSteps = settings.maxSteps();
        PassSums current = pass.run(params, true);
        double firstLoss = firstLoss(state, current);
        for (int step = state.stepsDone() + 1; step <= maxSteps; step++) {
            BatchSums train = current.train();
            double[] gradient = train.meanGradient();
            settings.penalty().addTo(shape, params, gradient);
            Divergence diverged = settings.divergence().check(step, train.meanLoss(), firstLoss, gradient);
            if (diverged != null) {
                return stopDiverged(state, step, diverged, listener);
            }
            state.optimizer().update(params, gradient);
            boolean last = step == maxSteps;
            current = pass.run(params, !last);
            BatchSums validation = current.validation();
            StepRecord record = new StepRecord(step, train.meanLoss(), validation.meanLoss(), train.accuracy(),
                    validation.accuracy(), state.elapsedBeforeMs() + (System.nanoTime() - start) / 1_000_000);
            if (recordStep(state, record, settings, listener)) {
                return finish(state, true);
            }
            checkpointer.afterStep(state);
        }
        return finish(state, false);
    }

    /** Step 1's training loss: from the history when resuming, else from the pass at the starting point. */
    static double firstLoss(RunState state, PassSums atStart) {
        return state.history().isEmpty() ? atStart.train().meanLoss() : state.history().get(0).trainLoss();
    }

    /** Reports {@code diverged} and ends the run with the parameters and history as they are. */
    static TrainingResult stopDiverged(RunState state, int step, Divergence diverged, StepListener listener) {
        listener.onStop(step, diverged.message());
        EarlyStopping tracker = state.stopping();
        return new TrainingResult(state.params(), state.history(), false, diverged, tracker.bestStep(),
                tracker.bestLoss(), false);
    }

    /**
     * Records a finished step in {@code state} (modified): the history row, the early-stopping tracker and, under
     * restore-best, the best parameters; then reports it. Returns whether early stopping ends the run here (said
     * to the listener), which it never does at the settings' last step.
     */
    static boolean recordStep(RunState state, StepRecord record, TrainingSettings settings, StepListener listener) {
        int step = record.step();
        EarlyStopping tracker = state.stopping();
        state.record(record);
        boolean improved = tracker.observe(step, record.valLoss());
        Optional<EarlyStoppingRule> rule = settings.earlyStopping();
        if (improved && rule.isPresent() && rule.get().restoreBest()) {
            state.keepBest();
        }
        listener.onStep(record, settings.maxSteps());
        if (rule.isEmpty() || !tracker.shouldStop() || step == settings.maxSteps()) {
            return false;
        }
        listener.onStop(step, "Step: " + step + ", validation loss is not reduced further (best " + tracker.bestLoss()
                + " at step " + tracker.bestStep() + "). Training stops after " + step + " updates.");
        return true;
    }

    static TrainingResult finish(RunState state, boolean stoppedEarly) {
        boolean restored = state.bestParams() != null;
        double[] result = restored ? state.bestParams() : state.params();
        EarlyStopping tracker = state.stopping();
        return new TrainingResult(result, state.history(), stoppedEarly, null, tracker.bestStep(), tracker.bestLoss(),
                restored);
    }
}
