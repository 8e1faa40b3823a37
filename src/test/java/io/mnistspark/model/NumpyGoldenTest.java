package io.mnistspark.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mnistspark.GoldenFile;
import io.mnistspark.data.DatasetReader;
import io.mnistspark.data.NpzArchive;
import io.mnistspark.data.Part;
import io.mnistspark.data.RecordCursor;
import io.mnistspark.data.ImageBlock;
import io.mnistspark.data.ImageBlockBuilder;
import io.mnistspark.optim.OptimizerChoice;
import io.mnistspark.optim.Optimizer;
import org.junit.jupiter.api.Test;

/**
 * The kernel and optimizers against numpy (src/test/python/make_golden.py): a 784-5-10 network on the
 * first 64 images of the numpy-written fixture, its loss and gradient sums, and three SGD and Adam steps.
 */
class NumpyGoldenTest {
    private static final NetworkShape SHAPE = new NetworkShape(784, 5, 10);
    private final GoldenFile network = GoldenFile.load("small-network.txt");
    private final GoldenFile steps = GoldenFile.load("sgd-adam-steps.txt");

    @Test
    void lossAndGradientSumsMatchNumpy() {
        check(rows(64), "rows 0..63");
        check(rows(7), "rows 0..6");
    }

    @Test
    void sgdStepsMatchNumpy() {
        runSteps(OptimizerChoice.SGD, "sgd");
    }

    @Test
    void adamStepsMatchNumpy() {
        runSteps(OptimizerChoice.ADAM, "adam");
    }

    private void check(ImageBlock block, String which) {
        BatchSums sums = new BatchSums();
        new BlockKernel(SHAPE, network.block("params")).accumulate(block, sums, true);
        double loss = network.block("loss_sum " + which)[0];
        assertEquals(loss, sums.lossSum(), 1e-12 * loss);
        assertEquals((long) network.block("correct " + which)[0], sums.correct());
        double[] expected = network.block("grad_sum " + which + " (");
        double scale = GoldenFile.maxAbs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], sums.gradientSums()[i], 1e-12 * scale, "gradient entry " + i);
        }
    }

    private void runSteps(OptimizerChoice choice, String name) {
        ImageBlock block = rows(64);
        double[] params = network.block("params").clone();
        int[] indices = java.util.Arrays.stream(steps.block("flat indices")).mapToInt(v -> (int) v).toArray();
        double[] losses = steps.block(name + ": mean loss");
        Optimizer optimizer = choice.create(0.001, SHAPE.parameterCount());
        for (int step = 1; step <= 3; step++) {
            BatchSums sums = new BatchSums();
            new BlockKernel(SHAPE, params).accumulate(block, sums, true);
            assertEquals(losses[step - 1], sums.meanLoss(), 1e-12, name + " loss before step " + step);
            optimizer.update(params, sums.meanGradient());
            if (step == 1 || step == 3) {
                double[] expected = steps.block(name + ": params after " + step + " step");
                for (int i = 0; i < indices.length; i++) {
                    assertEquals(expected[i], params[indices[i]], 1e-12 * Math.max(1, Math.abs(expected[i])),
                            name + " parameter " + indices[i] + " after step " + step);
                }
            }
        }
        BatchSums after = new BatchSums();
        new BlockKernel(SHAPE, params).accumulate(block, after, false);
        assertEquals(losses[3], after.meanLoss(), 1e-12);
    }

    private static ImageBlock rows(int count) {
        String fixture = NumpyGoldenTest.class.getResource("/fixtures/mnist-first100.npz").toString();
        ImageBlockBuilder builder = new ImageBlockBuilder(784);
        byte[] pixels = new byte[784];
        try (RecordCursor cursor = DatasetReader.open(new NpzArchive(fixture), Part.TRAIN, 0, count,
                new org.apache.hadoop.conf.Configuration())) {
            for (int r = 0; r < count; r++) {
                int label = cursor.next(pixels);
                builder.add(pixels, label);
            }
        }
        return builder.build();
    }
}
