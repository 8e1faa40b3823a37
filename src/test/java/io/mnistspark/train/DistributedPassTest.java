package io.mnistspark.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mnistspark.SparkTestSession;
import io.mnistspark.data.DatasetInfo;
import io.mnistspark.data.DatasetReader;
import io.mnistspark.data.EmbeddedMnist;
import io.mnistspark.data.Part;
import io.mnistspark.data.RecordCursor;
import io.mnistspark.data.ShardedDataset;
import io.mnistspark.data.ImageBlockBuilder;
import io.mnistspark.data.TrainValidationSplit;
import io.mnistspark.model.BatchSums;
import io.mnistspark.model.BlockKernel;
import io.mnistspark.model.NetworkShape;
import io.mnistspark.model.NormalInit;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The distributed pass on the real MNIST equals a single-threaded fold over the same rows, for several
 * partition counts, and repeats bit for bit.
 */
class DistributedPassTest {
    private static final NetworkShape SHAPE = new NetworkShape(784, 128, 10);
    private static DatasetInfo info;
    private static TrainValidationSplit split;
    private static double[] params;
    private static BatchSums referenceTrain;
    private static BatchSums referenceValidation;

    @BeforeAll
    static void singleThreadedReference() {
        info = DatasetReader.inspect(new EmbeddedMnist(), null);
        split = TrainValidationSplit.of(info.count(Part.TRAIN), 0.2, 0);
        params = new NormalInit(0.1, 0).create(SHAPE);
        ImageBlockBuilder train = new ImageBlockBuilder(784);
        ImageBlockBuilder validation = new ImageBlockBuilder(784);
        byte[] pixels = new byte[784];
        try (RecordCursor cursor = DatasetReader.open(info.location(), Part.TRAIN, 0, 60000, null)) {
            for (int record = 0; record < 60000; record++) {
                int label = cursor.next(pixels);
                (split.isValidation(record) ? validation : train).add(pixels, label);
            }
        }
        referenceTrain = new BatchSums();
        referenceValidation = new BatchSums();
        BlockKernel kernel = new BlockKernel(SHAPE, params);
        kernel.accumulate(train.build(), referenceTrain, true);
        kernel.accumulate(validation.build(), referenceValidation, false);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 8})
    void distributedSumsEqualTheSingleThreadedFold(int partitions) {
        JavaSparkContext sc = SparkTestSession.context();
        ShardedDataset dataset = ShardedDataset.load(sc, info, split, partitions);
        try {
            PassSums sums = new FullBatchPass(sc, dataset.training(), SHAPE, 2).run(params, true);
            assertEquals(48000, sums.train().rows());
            assertEquals(12000, sums.validation().rows());
            assertEquals(referenceTrain.correct(), sums.train().correct());
            assertEquals(referenceValidation.correct(), sums.validation().correct());
            assertEquals(referenceTrain.meanLoss(), sums.train().meanLoss(), 1e-12 * referenceTrain.meanLoss());
            assertEquals(referenceValidation.meanLoss(), sums.validation().meanLoss(),
                    1e-12 * referenceValidation.meanLoss());
            double[] expected = referenceTrain.meanGradient();
            double[] got = sums.train().meanGradient();
            double scale = maxAbs(expected);
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], got[i], 1e-12 * scale, "gradient entry " + i);
            }
        } finally {
            dataset.release();
        }
    }

    @Test
    void rerunsAreBitwiseIdentical() {
        JavaSparkContext sc = SparkTestSession.context();
        ShardedDataset dataset = ShardedDataset.load(sc, info, split, 5);
        try {
            FullBatchPass pass = new FullBatchPass(sc, dataset.training(), SHAPE, 2);
            PassSums first = pass.run(params, true);
            for (int run = 0; run < 3; run++) {
                assertSameBits(first, pass.run(params, true));
            }
        } finally {
            dataset.release();
        }
    }

    @Test
    void driverMergeAndExecutorTreeGiveTheSameBits() {
        JavaSparkContext sc = SparkTestSession.context();
        ShardedDataset dataset = ShardedDataset.load(sc, info, split, 8);
        try {
            // depth 2 over 8 partitions, as on a cluster: treeAggregate merges on executors first; in local
            // mode (and at depth 1 anywhere) the driver merges
            FullBatchPass tree = new FullBatchPass(sc, dataset.training(), ShardWork.kernel(SHAPE), 2, true);
            FullBatchPass driver = new FullBatchPass(sc, dataset.training(), SHAPE, 2);
            assertFalse(new FullBatchPass(sc, dataset.training(), ShardWork.kernel(SHAPE), 1, true).mergesOnExecutors());
            assertTrue(tree.mergesOnExecutors());
            assertFalse(driver.mergesOnExecutors());
            assertSameBits(tree.run(params, true), driver.run(params, true));
        } finally {
            dataset.release();
        }
    }

    @Test
    void sparkFloorShipsAResultOfTheStepsSizeWithoutArithmetic() {
        JavaSparkContext sc = SparkTestSession.context();
        ShardedDataset dataset = ShardedDataset.load(sc, info, split, 3);
        try {
            PassSums floor = FullBatchPass.sparkFloor(sc, dataset.training(), SHAPE, 2).run(params, true);
            assertEquals(0, floor.train().rows());
            assertEquals(0, floor.validation().rows());
            assertArrayEquals(new double[SHAPE.parameterCount()], floor.train().gradientSums(), 0.0);
        } finally {
            dataset.release();
        }
    }

    private static void assertSameBits(PassSums expected, PassSums actual) {
        assertEquals(expected.train().lossSum(), actual.train().lossSum(), 0.0);
        assertEquals(expected.validation().lossSum(), actual.validation().lossSum(), 0.0);
        assertEquals(expected.train().correct(), actual.train().correct());
        assertEquals(expected.validation().correct(), actual.validation().correct());
        assertArrayEquals(expected.train().gradientSums(), actual.train().gradientSums(), 0.0);
    }

    static double maxAbs(double[] values) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }
}
