package io.mnistspark.train;

import io.mnistspark.model.BatchSums;
import io.mnistspark.model.NetworkShape;
import io.mnistspark.optim.Evaluation;
import io.mnistspark.optim.Lbfgs;

/**
 * The step loop of an lbfgs run: one {@link Lbfgs} iteration per history row, each asking the
 * {@link PassObjective} for as many passes as its line search needs. A row keeps the notebook's meaning
 * (train loss and accuracy at the parameters before the iteration, validation loss and accuracy at the
 * accepted point, from the same pass that evaluated it) and adds the passes the iteration took. Early
 * stopping, restore-best and checkpoints work as in {@link Trainer}; the pass at the starting point (or at
 * a checkpoint's point on resume) is not counted in any row, as the first-order loop's closing pass is not.
 */
final class LineSearchTrainer {
    private final FullBatchPass pass;
    private final NetworkShape shape;
    private final TrainingSettings settings;

    LineSearchTrainer(FullBatchPass pass, NetworkShape shape, TrainingSettings settings) {
        this.pass = pass;
        this.shape = shape;
        this.settings = settings;
    }

    /** Trains {@code state} (modified in place) up to the settings' step count; see {@link Trainer#train}. */
    TrainingResult train(RunState state, StepListener listener, Checkpointer checkpointer) {
        double[] params = state.params();
        Lbfgs lbfgs = state.lbfgs();
        PassObjective objective = new PassObjective(pass, shape, settings.penalty());
        long start = System.nanoTime();
        int maxSteps = settings.maxSteps();
        PassSums current = pass.run(params, true);
        double firstLoss = Trainer.firstLoss(state, current);
        for (int step = state.stepsDone() + 1; step <= maxSteps; step++) {
            BatchSums train = current.train();
            Evaluation atParams = objective.evaluation(params, current);
            Divergence diverged = settings.divergence().check(step, train.meanLoss(), firstLoss, atParams.gradient());
            if (diverged != null) {
                return Trainer.stopDiverged(state, step, diverged, listener);
            }
            Lbfgs.Iteration iteration = lbfgs.iterate(params, atParams, objective);
            int passes = objective.takePasses();
            if (iteration.failed()) {
                listener.onStop(step, "Step: " + step + ", the L-BFGS line search found no acceptable step ("
                        + iteration.failure() + ", after " + passes + " passes). Training stops after " + (step - 1)
                        + " updates.");
                return Trainer.finish(state, false);
            }
            current = objective.last();
            BatchSums validation = current.validation();
            StepRecord record = new StepRecord(step, train.meanLoss(), validation.meanLoss(), train.accuracy(),
                    validation.accuracy(), state.elapsedBeforeMs() + (System.nanoTime() - start) / 1_000_000, passes);
            if (Trainer.recordStep(state, record, settings, listener)) {
                return Trainer.finish(state, true);
            }
            checkpointer.afterStep(state);
        }
        return Trainer.finish(state, false);
    }
}
