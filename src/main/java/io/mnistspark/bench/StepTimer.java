package io.mnistspark.bench;

import io.mnistspark.model.NetworkShape;
import io.mnistspark.model.NormalInit;
import io.mnistspark.optim.LearningRateDtype;
import io.mnistspark.optim.OptimizerChoice;
import io.mnistspark.train.FullBatchPass;
import io.mnistspark.train.StepListener;
import io.mnistspark.train.StepRecord;
import io.mnistspark.train.Trainer;
import io.mnistspark.train.TrainingResult;
import io.mnistspark.train.TrainingSettings;
import java.util.Optional;

/**
 * Times full steps of the job's own step loop: {@link Trainer} as {@code train} runs it (Adam, normal
 * initialisation, no early stopping), over a {@link FullBatchPass} on the persisted shards.
 *
 * <p>A full step is the time between two consecutive step reports: the optimizer update, one distributed
 * pass (broadcast, kernels on every shard, {@code treeAggregate}, broadcast destroyed) and the loop's own
 * bookkeeping. The first report also covers the loop's opening pass and the last one a pass without the
 * gradient, so neither is a full step: the run makes {@code warmup + steps + 2} updates and keeps the
 * {@code steps} intervals after the warm-up ones.
 */
public final class StepTimer {
    /** The measured steps and the parameters the loop ended at (realistic weights for the other timings). */
    public record Result(Timing steps, double[] params, double finalTrainLoss) {
    }

    private final FullBatchPass pass;
    private final NetworkShape shape;

    public StepTimer(FullBatchPass pass, NetworkShape shape) {
        this.pass = pass;
        this.shape = shape;
    }

    public Result run(int warmup, int steps, int treeDepth, Progress progress) {
        int updates = warmup + steps + 2;
        TrainingSettings settings = new TrainingSettings("bench", shape.hidden(), new NormalInit(0.1, 0),
                OptimizerChoice.ADAM, 0.001, LearningRateDtype.FLOAT32, updates, Optional.empty(), updates, treeDepth);
        long[] reports = new long[updates];
        StepListener clock = new StepListener() {
            @Override
            public void onStep(StepRecord record, int maxSteps) {
                reports[record.step() - 1] = System.nanoTime();
                progress.tick(record.step(), maxSteps);
            }
        };
        TrainingResult result = new Trainer(pass, shape, settings).train(clock);
        if (result.diverged() || result.history().size() != updates) {
            throw new IllegalStateException("the step loop stopped after " + result.history().size() + " of "
                    + updates + " steps; nothing to time");
        }
        // reports[k] - reports[k-1] is full step k+1; keep steps warmup+2 .. warmup+steps+1.
        long[] measured = java.util.Arrays.copyOfRange(reports, warmup, warmup + steps + 1);
        double lastTrainLoss = result.history().get(updates - 1).trainLoss();
        return new Result(Timing.between(measured), result.params(), lastTrainLoss);
    }
}
