package io.mnistspark.train;

import io.mnistspark.model.BatchSums;
import io.mnistspark.model.NetworkShape;
import io.mnistspark.optim.Optimizer;
import java.util.ArrayList;
import java.util.List;

/**
 * The step loop on the driver. One fused pass per step: the pass at the parameters after update t gives
 * step t's validation loss and, in the same sweep, the training loss and gradient for update t + 1. So
 * each history row keeps the notebook's meaning (train loss before the update, validation loss after it)
 * at the cost of one pass per step plus one closing pass.
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

    /** Trains from the settings' initialisation. */
    public TrainingResult train(StepListener listener) {
        double[] params = settings.init().create(shape);
        Optimizer optimizer = settings.optimizer().create(settings.effectiveLearningRate(), shape.parameterCount());
        return train(params, optimizer, listener);
    }

    /** Trains from {@code params} (modified in place) with {@code optimizer}'s current state. */
    public TrainingResult train(double[] params, Optimizer optimizer, StepListener listener) {
        EarlyStopping tracker = new EarlyStopping(settings.earlyStopping().orElse(EarlyStoppingRule.notebook()));
        boolean stopsEarly = settings.earlyStopping().isPresent();
        boolean restoreBest = stopsEarly && settings.earlyStopping().get().restoreBest();
        double[] bestParams = null;
        List<StepRecord> history = new ArrayList<>();
        long start = System.nanoTime();
        int maxSteps = settings.maxSteps();
        PassSums current = pass.run(params, true);
        for (int step = 1; step <= maxSteps; step++) {
            BatchSums train = current.train();
            double[] gradient = train.meanGradient();
            if (!Double.isFinite(train.meanLoss()) || !allFinite(gradient)) {
                String reason = "Step: " + step + ", training diverged: the training loss or gradient is not finite"
                        + " (loss " + train.meanLoss() + "); stopped before update " + step
                        + ". Try a smaller --learning-rate.";
                listener.onStop(step, reason);
                return new TrainingResult(params, history, false, step, tracker.bestStep(), tracker.bestLoss(), false);
            }
            optimizer.update(params, gradient);
            boolean last = step == maxSteps;
            current = pass.run(params, !last);
            BatchSums validation = current.validation();
            StepRecord record = new StepRecord(step, train.meanLoss(), validation.meanLoss(), train.accuracy(),
                    validation.accuracy(), (System.nanoTime() - start) / 1_000_000);
            history.add(record);
            boolean improved = tracker.observe(step, record.valLoss());
            if (improved && restoreBest) {
                bestParams = params.clone();
            }
            listener.onStep(record, maxSteps);
            if (stopsEarly && tracker.shouldStop() && !last) {
                listener.onStop(step, "Step: " + step + ", validation loss is not reduced further (best "
                        + tracker.bestLoss() + " at step " + tracker.bestStep() + "). Training stops after "
                        + step + " updates.");
                return finish(params, bestParams, history, true, tracker);
            }
        }
        return finish(params, bestParams, history, false, tracker);
    }

    private static TrainingResult finish(double[] params, double[] bestParams, List<StepRecord> history,
            boolean stoppedEarly, EarlyStopping tracker) {
        boolean restored = bestParams != null;
        double[] result = restored ? bestParams : params;
        return new TrainingResult(result, history, stoppedEarly, 0, tracker.bestStep(), tracker.bestLoss(), restored);
    }

    private static boolean allFinite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
