package io.mnistspark.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ludovic.netlib.blas.BLAS;
import io.mnistspark.data.ImageBlock;
import io.mnistspark.model.BatchSums;
import io.mnistspark.model.BlockKernel;
import io.mnistspark.model.NetworkShape;
import io.mnistspark.model.TestBlocks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The dense dgemm reference computes the same sums as the sparse kernel: what makes timing one against the
 * other a comparison of the same step.
 */
class DenseReferenceTest {
    @ParameterizedTest(name = "{0} rows, {1}-{2}-{3}, {4} rows per product")
    @CsvSource({"1, 784, 128, 10, 1024", "7, 784, 128, 10, 1024", "64, 784, 128, 10, 1024", "64, 784, 128, 10, 5",
        "33, 20, 5, 3, 1", "33, 20, 5, 3, 32"})
    void sameLossGradientAndAccuracyAsTheKernel(int rows, int inputs, int hidden, int classes, int chunkRows) {
        NetworkShape shape = new NetworkShape(inputs, hidden, classes);
        ImageBlock block = TestBlocks.random(rows, inputs, classes, 0.2, 11L * rows);
        double[] params = TestBlocks.randomParams(shape, 0.05, 3L + rows);

        BatchSums kernel = new BatchSums();
        new BlockKernel(shape, params).accumulate(block, kernel, true);
        DenseSums dense = new DenseSums();
        new DenseReference(shape, BLAS.getInstance(), chunkRows).accumulate(DenseBlock.of(block), params, dense, true);

        assertEquals(kernel.rows(), dense.rows());
        assertEquals(kernel.correct(), dense.correct());
        assertEquals(kernel.lossSum(), dense.lossSum(), 1e-12 * Math.abs(kernel.lossSum()));
        double[] expected = kernel.gradientSums();
        double[] actual = dense.gradientSums();
        assertEquals(expected.length, actual.length);
        double scale = 0;
        for (double g : expected) {
            scale = Math.max(scale, Math.abs(g));
        }
        assertTrue(scale > 0);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-12 * scale, "gradient entry " + i);
        }
        assertTrue(SumsComparison.relativeDifference(dense.lossSum(), actual, kernel.lossSum(), expected) < 1e-12);
    }

    @ParameterizedTest(name = "{0} rows, {1} rows per product")
    @CsvSource({"5, 1024", "40, 16"})
    void lossOnlyPassesAddNoGradientAndMatchTheKernel(int rows, int chunkRows) {
        NetworkShape shape = new NetworkShape(784, 128, 10);
        ImageBlock block = TestBlocks.random(rows, 784, 10, 0.19, rows);
        double[] params = TestBlocks.randomParams(shape, 0.1, 99);
        BatchSums kernel = new BatchSums();
        new BlockKernel(shape, params).accumulate(block, kernel, false);
        DenseSums dense = new DenseSums();
        DenseReference reference = new DenseReference(shape, BLAS.getInstance(), chunkRows);
        // a larger block first, so the scratch matrices are bigger than this block needs
        reference.accumulate(DenseBlock.of(TestBlocks.random(rows + 9, 784, 10, 0.19, 5)), params, new DenseSums(), true);
        reference.accumulate(DenseBlock.of(block), params, dense, false);
        assertEquals(null, dense.gradientSums());
        assertEquals(kernel.correct(), dense.correct());
        assertEquals(kernel.lossSum(), dense.lossSum(), 1e-12 * Math.abs(kernel.lossSum()));
    }
}
