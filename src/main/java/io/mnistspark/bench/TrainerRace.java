package io.mnistspark.bench;

import io.mnistspark.data.ImageBlock;
import io.mnistspark.model.NetworkShape;
import io.mnistspark.model.NormalInit;
import io.mnistspark.optim.HyperparameterDtype;
import io.mnistspark.optim.OptimizerChoice;
import io.mnistspark.train.Checkpointer;
import io.mnistspark.train.ConfusionMatrix;
import io.mnistspark.train.FullBatchPass;
import io.mnistspark.train.RunState;
import io.mnistspark.train.StepListener;
import io.mnistspark.train.StepRecord;
import io.mnistspark.train.TestEvaluation;
import io.mnistspark.train.Trainer;
import io.mnistspark.train.TrainingSettings;
import java.util.Optional;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Times the job's own {@link Trainer} to a test accuracy: from the first pass until a check (every
 * {@code checkEvery} steps, on the test blocks, its time subtracted) first sees the target. The notebook's
 * settings (normal start N(0, 0.1^2) from seed 0, 128 hidden units) with Adam (learning rate 0.001, float32
 * hyperparameters) or L-BFGS (memory 10).
 */
final class TrainerRace {
    private final JavaSparkContext sc;
    private final FullBatchPass pass;
    private final JavaRDD<ImageBlock> test;
    private final NetworkShape shape;

    TrainerRace(JavaSparkContext sc, FullBatchPass pass, JavaRDD<ImageBlock> test, NetworkShape shape) {
        this.sc = sc;
        this.pass = pass;
        this.test = test;
        this.shape = shape;
    }

    /** Thrown out of the step loop when a check sees the target; nothing else throws it. */
    private static final class Reached extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Reached() {
            super(null, null, false, false);
        }
    }

    Reach run(String contender, OptimizerChoice optimizer, double target, int checkEvery, int maxSteps) {
        TrainingSettings settings = new TrainingSettings(contender, shape.hidden(), new NormalInit(0.1, 0), optimizer,
                0.001, HyperparameterDtype.FLOAT32, maxSteps, Optional.empty(), checkEvery, 2,
                TrainingSettings.DEFAULT_LBFGS_MEMORY);
        RunState state = RunState.fresh(settings, shape);
        long[] excludedNanos = {0};
        double[] accuracy = {Double.NaN};
        int[] steps = {0};
        long[] reachedAt = {0};
        long start = System.nanoTime();
        StepListener checks = new StepListener() {
            @Override
            public void onStep(StepRecord record, int max) {
                steps[0] = record.step();
                if (record.step() % checkEvery != 0 && record.step() != max) {
                    return;
                }
                long checkStart = System.nanoTime();
                ConfusionMatrix confusion = TestEvaluation.run(sc, test, shape, state.params());
                accuracy[0] = confusion.accuracy();
                if (accuracy[0] >= target) {
                    reachedAt[0] = checkStart - excludedNanos[0];
                    throw new Reached();
                }
                excludedNanos[0] += System.nanoTime() - checkStart;
            }
        };
        try {
            new Trainer(pass, shape, settings).train(state, checks, Checkpointer.NONE);
        } catch (Reached reached) {
            double seconds = (reachedAt[0] - start) / 1e9;
            return new Reach(contender, seconds, steps[0], accuracy[0], "test accuracy checked every " + checkEvery
                    + " steps");
        }
        return new Reach(contender, null, steps[0], accuracy[0], "not reached in " + maxSteps + " steps");
    }
}
