package io.mnistspark.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mnistspark.data.ImageBlock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The kernel on real-valued blocks (negative and non-byte features) gives the dense per-example sums, and
 * on doubles that are byte fractions it gives the byte block's sums bit for bit.
 */
class RealBlockKernelTest {
    /** 77 hidden units: the vector kernel's register blocks, single vectors and scalar tail all run. */
    private final NetworkShape shape = new NetworkShape(30, 77, 4);

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 31, 32, 33, 64, 100, 300})
    void realBlockSumsEqualAPerExampleDenseLoop(int rows) {
        ImageBlock block = TestBlocks.randomReal(rows, shape.inputs(), shape.classes(), 0.3, rows);
        assertFalse(block.isByteForm());
        double[] params = TestBlocks.randomParams(shape, 0.3, 11);
        double loss = 0;
        double[] grad = new double[shape.parameterCount()];
        for (int r = 0; r < rows; r++) {
            loss += DenseReference.lossAndGradient(shape, params, block.denseRow(r), block.label(r), grad);
        }
        for (KernelMath math : new KernelMath[] {new PlainKernelMath(), KernelMath.best()}) {
            BatchSums sums = new BatchSums();
            new BlockKernel(shape, params, math).accumulate(block, sums, true);
            assertEquals(rows, sums.rows());
            assertEquals(loss, sums.lossSum(), 1e-12 * Math.abs(loss), math.name());
            double[] got = sums.gradientSums();
            for (int i = 0; i < grad.length; i++) {
                assertEquals(grad[i], got[i], 1e-12 * (1 + Math.abs(grad[i])), math.name() + " gradient entry " + i);
            }
        }
    }

    @Test
    void realGradientMatchesCentralDifferences() {
        ImageBlock block = TestBlocks.randomReal(40, shape.inputs(), shape.classes(), 0.5, 3);
        double[] params = TestBlocks.randomParams(shape, 0.3, 5);
        BatchSums sums = new BatchSums();
        new BlockKernel(shape, params).accumulate(block, sums, true);
        double[] analytic = sums.gradientSums();
        double h = 1e-5;
        double worst = 0;
        for (int i = 0; i < params.length; i++) {
            double saved = params[i];
            params[i] = saved + h;
            double up = lossSum(block, params);
            params[i] = saved - h;
            double down = lossSum(block, params);
            params[i] = saved;
            double numeric = (up - down) / (2 * h);
            double scale = Math.max(1e-3, Math.abs(numeric) + Math.abs(analytic[i]));
            worst = Math.max(worst, Math.abs(numeric - analytic[i]) / scale);
        }
        assertTrue(worst < 1e-6, "largest relative gradient error " + worst);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 33, 300})
    void byteFractionsAsDoublesGiveTheByteBlocksSumsBitForBit(int rows) {
        ImageBlock bytes = TestBlocks.random(rows, shape.inputs(), shape.classes(), 0.3, rows);
        ImageBlock doubles = TestBlocks.randomAsDoubles(rows, shape.inputs(), shape.classes(), 0.3, rows);
        assertTrue(doubles.isByteForm(), "doubles k / 255.0 keep the byte form");
        assertEquals(bytes.sizeInBytes(), doubles.sizeInBytes());
        double[] params = TestBlocks.randomParams(shape, 0.3, 7);
        for (KernelMath math : new KernelMath[] {new PlainKernelMath(), KernelMath.best()}) {
            BatchSums fromBytes = new BatchSums();
            new BlockKernel(shape, params, math).accumulate(bytes, fromBytes, true);
            BatchSums fromDoubles = new BatchSums();
            new BlockKernel(shape, params, math).accumulate(doubles, fromDoubles, true);
            assertEquals(fromBytes.lossSum(), fromDoubles.lossSum(), 0.0, math.name());
            assertEquals(fromBytes.correct(), fromDoubles.correct(), math.name());
            assertArrayEquals(fromBytes.gradientSums(), fromDoubles.gradientSums(), 0.0, math.name());
        }
    }

    private double lossSum(ImageBlock block, double[] params) {
        BatchSums sums = new BatchSums();
        new BlockKernel(shape, params).accumulate(block, sums, false);
        return sums.lossSum();
    }
}
