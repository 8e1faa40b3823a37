package io.mnistspark.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mnistspark.Histories;
import io.mnistspark.SparkTestSession;
import io.mnistspark.data.ClassCount;
import io.mnistspark.data.DataLocation;
import io.mnistspark.data.DataSpec;
import io.mnistspark.data.DatasetInfo;
import io.mnistspark.data.DatasetReader;
import io.mnistspark.data.NpzArchive;
import io.mnistspark.data.Part;
import io.mnistspark.data.ShardedDataset;
import io.mnistspark.data.TrainValidationSplit;
import io.mnistspark.model.NetworkShape;
import io.mnistspark.model.NormalInit;
import io.mnistspark.optim.HyperparameterDtype;
import io.mnistspark.optim.OptimizerChoice;
import io.mnistspark.train.EarlyStoppingRule;
import io.mnistspark.train.FullBatchPass;
import io.mnistspark.train.JobSettings;
import io.mnistspark.train.RunState;
import io.mnistspark.train.StepListener;
import io.mnistspark.train.Trainer;
import io.mnistspark.train.TrainingResult;
import io.mnistspark.train.TrainingSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;

/**
 * An lbfgs run saved to a checkpoint mid-way (its memory of steps and gradient changes included) and
 * continued from it ends with the history, pass counts and parameters of the run never interrupted, bit for
 * bit. The memory of 3 pairs is full and has dropped pairs before the checkpoint at step 5.
 */
class LbfgsResumeTest {
    private static final NetworkShape SHAPE = new NetworkShape(784, 16, 10);
    private static final int STEPS = 9;
    private static final int SAVE_AT = 5;

    @Test
    void aResumedLbfgsRunEndsBitForBitAsTheUninterruptedOne() throws Exception {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(SparkTestSession.get().sparkContext());
        String fixture = LbfgsResumeTest.class.getResource("/fixtures/mnist-first100.npz").toString();
        DatasetInfo info = DatasetReader.inspect(new NpzArchive(fixture), new Configuration());
        ShardedDataset dataset = ShardedDataset.load(sc, info, TrainValidationSplit.of(info.count(Part.TRAIN), 0.2, 0), 3);
        FullBatchPass pass = new FullBatchPass(sc, dataset.training(), SHAPE, 2);
        TrainingSettings settings = new TrainingSettings("lbfgs", SHAPE.hidden(), new NormalInit(0.1, 0),
                OptimizerChoice.LBFGS, 0.001, HyperparameterDtype.FLOAT32, STEPS,
                Optional.of(new EarlyStoppingRule(50, 0.0, true)), 100, 2, 3);
        Trainer trainer = new Trainer(pass, SHAPE, settings);
        TrainingResult straight = trainer.train(StepListener.SILENT);
        assertEquals(STEPS, straight.steps());

        Path dir = Files.createTempDirectory("lbfgs-resume");
        FileSystem fs = FileSystem.getLocal(new Configuration());
        CheckpointStore store = new CheckpointStore(fs, new org.apache.hadoop.fs.Path(dir.toUri()));
        JobSettings job = new JobSettings(DataLocation.of(DataSpec.of(fixture)), ClassCount.FROM_LABELS, 0.2, 0, 3, dir.toString(), false,
                SAVE_AT, List.of(settings));
        RuntimeException killed = new RuntimeException("killed after the checkpoint");
        assertThrows(RuntimeException.class, () -> trainer.train(RunState.fresh(settings, SHAPE), StepListener.SILENT,
                state -> {
                    if (state.stepsDone() == SAVE_AT) {
                        try {
                            store.save(new Checkpoint(job, List.of(), 0, state), SHAPE);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                        throw killed;
                    }
                }));

        Checkpoint saved = store.load(store.latest());
        assertEquals(SAVE_AT, saved.state().stepsDone());
        assertEquals(6, saved.state().optimizerState().moments().length, "3 pairs of s and y arrays were saved");
        assertEquals(OptimizerChoice.LBFGS, saved.job().runs().get(0).optimizer());
        assertEquals(3, saved.job().runs().get(0).lbfgsMemory());
        TrainingResult resumed = new Trainer(pass, SHAPE, saved.job().runs().get(0))
                .train(saved.state(), StepListener.SILENT, state -> { });

        assertEquals(Histories.withoutTimes(straight.history()), Histories.withoutTimes(resumed.history()));
        assertArrayEquals(straight.params(), resumed.params());
        assertEquals(straight.bestStep(), resumed.bestStep());
    }
}
