package io.mnistspark.bench;

import io.mnistspark.model.Initialization;
import io.mnistspark.model.NetworkShape;
import io.mnistspark.optim.HyperparameterDtype;
import io.mnistspark.optim.OptimizerChoice;
import io.mnistspark.train.FullBatchPass;
import io.mnistspark.train.Checkpointer;
import io.mnistspark.train.RunState;
import io.mnistspark.train.StepListener;
import io.mnistspark.train.StepRecord;
import io.mnistspark.train.Trainer;
import io.mnistspark.train.TrainingResult;
import io.mnistspark.train.TrainingSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Times full steps of the job's own step loop: {@link Trainer} as {@code train} runs it (Adam, no early
 * stopping) over a {@link FullBatchPass} on the persisted shards, in rounds of consecutive steps with one
 * pass of each driver-side series (kernel alone, dense reference) after every round ({@link RoundPlan}).
 * On a machine shared with other work the load drifts over minutes; interleaved, a ratio compares passes
 * taken seconds apart under the same load, not phases taken minutes apart. The step right after the
 * series is not timed: it would carry the driver-side passes' cache and heap leftovers into the job.
 *
 * <p>A full step is the time from the end of the previous step's report to the next report: the optimizer
 * update, one distributed pass (broadcast, kernels on every shard, {@code treeAggregate}, broadcast
 * destroyed) and the loop's own bookkeeping.
 */
public final class StepTimer {
    /** The timed steps and, under the same names as the series, the driver-side passes. */
    public record Result(Timing steps, Map<String, Timing> series) {
    }

    private final FullBatchPass pass;
    private final NetworkShape shape;
    private final Initialization init;

    public StepTimer(FullBatchPass pass, NetworkShape shape, Initialization init) {
        this.pass = pass;
        this.shape = shape;
        this.init = init;
    }

    public Result run(RoundPlan plan, int treeDepth, List<InterleavedSeries> between, Progress progress) {
        int updates = plan.updates();
        TrainingSettings settings = new TrainingSettings("bench", shape.hidden(), init, OptimizerChoice.ADAM, 0.001,
                HyperparameterDtype.FLOAT32, updates, Optional.empty(), updates, treeDepth);
        long[] reported = new long[updates];
        long[] resumed = new long[updates];
        Map<String, List<Double>> samples = new LinkedHashMap<>();
        for (InterleavedSeries series : between) {
            samples.put(series.name(), new ArrayList<>());
        }
        StepListener clock = new StepListener() {
            @Override
            public void onStep(StepRecord record, int maxSteps) {
                int step = record.step();
                reported[step - 1] = System.nanoTime();
                if (plan.seriesAfter(step)) {
                    for (InterleavedSeries series : between) {
                        double seconds = series.runOnce();
                        if (plan.recorded(step)) {
                            samples.get(series.name()).add(seconds);
                        }
                    }
                }
                progress.tick(step, maxSteps);
                resumed[step - 1] = System.nanoTime();
            }
        };
        TrainingResult result = new Trainer(pass, shape, settings).train(RunState.fresh(settings, shape), clock,
                Checkpointer.NONE);
        if (result.diverged() || result.history().size() != updates) {
            throw new IllegalStateException("the step loop stopped after " + result.history().size() + " of "
                    + updates + " steps; nothing to time");
        }
        // full step k (k >= 2) runs from resumed[k-2] to reported[k-1]
        double[] seconds = new double[plan.timedSteps()];
        int n = 0;
        for (int k = 2; k <= updates; k++) {
            if (plan.timed(k)) {
                seconds[n++] = (reported[k - 1] - resumed[k - 2]) / 1e9;
            }
        }
        Map<String, Timing> timings = new LinkedHashMap<>();
        samples.forEach((name, list) -> timings.put(name, Timing.of(list)));
        return new Result(new Timing(seconds), timings);
    }
}
