package io.mnistspark.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mnistspark.GoldenFile;
import io.mnistspark.Histories;
import io.mnistspark.SparkTestSession;
import io.mnistspark.data.DatasetInfo;
import io.mnistspark.data.DatasetReader;
import io.mnistspark.data.EmbeddedMnist;
import io.mnistspark.data.Part;
import io.mnistspark.data.ShardedDataset;
import io.mnistspark.data.TrainValidationSplit;
import io.mnistspark.model.ConstantInit;
import io.mnistspark.model.NetworkShape;
import io.mnistspark.model.NormalInit;
import io.mnistspark.optim.HyperparameterDtype;
import io.mnistspark.optim.OptimizerChoice;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The notebook's printed numbers (spec/homework-notebook.txt) from the full distributed step loop on the
 * real MNIST: the first hundred steps of its SGD and Adam runs from the constant 0.01 initialisation.
 */
class NotebookReproductionTest {
    private static final NetworkShape SHAPE = new NetworkShape(784, 128, 10);
    private static DatasetInfo info;
    private static TrainValidationSplit split;
    private static ShardedDataset dataset;

    @BeforeAll
    static void load() {
        info = DatasetReader.inspect(new EmbeddedMnist(), null);
        split = TrainValidationSplit.of(info.count(Part.TRAIN), 0.2, 0);
        dataset = ShardedDataset.load(SparkTestSession.context(), info, split, 2);
    }

    @AfterAll
    static void release() {
        dataset.release();
    }

    @Test
    void sgdFromConstantInitPrintsTheNotebooksStep100() {
        List<StepRecord> history = train(OptimizerChoice.SGD, 100);
        StepRecord step100 = history.get(99);
        assertEquals(100, step100.step());
        System.out.println("SGD step 100: train " + step100.trainLoss() + " val " + step100.valLoss());
        assertEquals(2.2897008012610214, step100.trainLoss(), 1e-12);
        assertEquals(2.289479290026079, step100.valLoss(), 1e-12);
        // the notebook's loss falls at every step under SGD
        for (int i = 1; i < history.size(); i++) {
            assertTrue(history.get(i).trainLoss() < history.get(i - 1).trainLoss());
        }
    }

    @Test
    void adamFromConstantInitPrintsTheNotebooksStep100() {
        List<StepRecord> history = train(OptimizerChoice.ADAM, 100);
        System.out.println("Adam step 100: train " + history.get(99).trainLoss() + " val " + history.get(99).valLoss());
        // Keras held lr and the betas in float32: with them, step 100 agrees to rounding (the issue asks 1e-6)
        assertEquals(1.9804271528012936, history.get(99).trainLoss(), 1e-12);
        assertEquals(1.9775076904919842, history.get(99).valLoss(), 1e-12);
    }

    @Test
    void adamFromNormalInitFollowsNumpyStepForStep() {
        // numpy starts from the very same weights (RandomState(0).normal); lr as float64 like numpy's run
        GoldenFile golden = GoldenFile.load("adam-normal-numpy-30.txt");
        double[] train = golden.block("train_loss");
        double[] val = golden.block("val_loss");
        TrainingSettings settings = new TrainingSettings("test", 128, new NormalInit(0.1, 0), OptimizerChoice.ADAM,
                0.001, HyperparameterDtype.FLOAT64, 30, Optional.empty(), 100, 2);
        FullBatchPass pass = new FullBatchPass(SparkTestSession.context(), dataset.training(), SHAPE, 2);
        List<StepRecord> history = new Trainer(pass, SHAPE, settings).train(StepListener.SILENT).history();
        for (int i = 0; i < 30; i++) {
            assertEquals(train[i], history.get(i).trainLoss(), 1e-12, "train loss, step " + (i + 1));
            assertEquals(val[i], history.get(i).valLoss(), 1e-12, "validation loss, step " + (i + 1));
        }
    }

    /**
     * Over 5 shards the order of the additions could matter, and only {@link ShardTreeSum}'s fixed tree keeps
     * it out: on local[2] the 5 tasks finish in varying order, and {@code treeAggregate} at depth 2 adds no
     * intermediate level for 5 partitions (5 is not above 3 + ceil(5 / 3)), so the driver merges all 5 results
     * as they arrive; 5 is no power of two, so a node also moves up without a sibling. With 2 shards (or any
     * count that an intermediate level cuts down to 2) a plain sum would agree too: a + b == b + a. Summing
     * in arrival order instead (a scratch change to ShardTreeSum) made this test fail in 3 of 4 tries, and in
     * 2 of 3 when it compared two runs instead of three.
     */
    @Test
    void rerunOverFiveShardsGivesABitwiseIdenticalHistory() {
        ShardedDataset fiveShards = ShardedDataset.load(SparkTestSession.context(), info, split, 5);
        try {
            assertEquals(5, fiveShards.training().getNumPartitions());
            List<StepRecord> first = train(fiveShards, OptimizerChoice.ADAM, 4);
            for (int rerun = 1; rerun <= 2; rerun++) {
                assertEquals(first, train(fiveShards, OptimizerChoice.ADAM, 4), "rerun " + rerun);
            }
        } finally {
            fiveShards.release();
        }
    }

    private static List<StepRecord> train(OptimizerChoice optimizer, int steps) {
        return train(dataset, optimizer, steps);
    }

    private static List<StepRecord> train(ShardedDataset data, OptimizerChoice optimizer, int steps) {
        TrainingSettings settings = new TrainingSettings("test", 128, new ConstantInit(0.01), optimizer, 0.001,
                HyperparameterDtype.FLOAT32, steps, Optional.empty(), 100, 2);
        FullBatchPass pass = new FullBatchPass(SparkTestSession.context(), data.training(), SHAPE, 2);
        return Histories.withoutTimes(new Trainer(pass, SHAPE, settings).train(StepListener.SILENT).history());
    }
}
