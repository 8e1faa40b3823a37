package io.mnistspark.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mnistspark.data.ImageBlock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BlockKernelTest {
    private final NetworkShape shape = new NetworkShape(30, 6, 4);

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 64, 300})
    void blockSumsEqualAPerExampleDenseLoop(int rows) {
        for (KernelMath math : new KernelMath[] {new PlainKernelMath(), KernelMath.best()}) {
            checkAgainstDenseLoop(rows, math);
        }
    }

    private void checkAgainstDenseLoop(int rows, KernelMath math) {
        ImageBlock block = TestBlocks.random(rows, shape.inputs(), shape.classes(), 0.3, rows);
        double[] params = TestBlocks.randomParams(shape, 0.3, 11);
        BatchSums sums = new BatchSums();
        new BlockKernel(shape, params, math).accumulate(block, sums, true);

        double loss = 0;
        double[] grad = new double[shape.parameterCount()];
        for (int r = 0; r < rows; r++) {
            loss += DenseReference.lossAndGradient(shape, params, block.denseRow(r), block.label(r), grad);
        }
        assertEquals(rows, sums.rows());
        assertEquals(loss, sums.lossSum(), 1e-12 * Math.abs(loss));
        double[] got = sums.gradientSums();
        for (int i = 0; i < grad.length; i++) {
            assertEquals(grad[i], got[i], 1e-12 * (1 + Math.abs(grad[i])), math.name() + " gradient entry " + i);
        }
    }

    @Test
    void gradientMatchesCentralDifferences() {
        ImageBlock block = TestBlocks.random(9, shape.inputs(), shape.classes(), 0.5, 3);
        double[] params = TestBlocks.randomParams(shape, 0.5, 5);
        BatchSums sums = new BatchSums();
        new BlockKernel(shape, params).accumulate(block, sums, true);
        double[] analytic = sums.gradientSums();
        double h = 1e-5; // rounding error ~ 1e-16 |loss| / h, truncation ~ h^2: both well under the bound
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

    @Test
    void splittingABlockDoesNotChangeTheSums() {
        ImageBlock block = TestBlocks.random(40, shape.inputs(), shape.classes(), 0.3, 8);
        double[] params = TestBlocks.randomParams(shape, 0.3, 9);
        BatchSums whole = new BatchSums();
        new BlockKernel(shape, params).accumulate(block, whole, true);
        BatchSums parts = new BatchSums();
        BlockKernel kernel = new BlockKernel(shape, params);
        kernel.accumulate(block.slice(0, 13), parts, true);
        BatchSums rest = new BatchSums();
        kernel.accumulate(block.slice(13, 40), rest, true);
        parts.add(rest);
        assertEquals(whole.rows(), parts.rows());
        assertEquals(whole.correct(), parts.correct());
        assertEquals(whole.lossSum(), parts.lossSum(), 1e-12 * whole.lossSum());
        for (int i = 0; i < shape.parameterCount(); i++) {
            assertEquals(whole.gradientSums()[i], parts.gradientSums()[i], 1e-12);
        }
    }

    @Test
    void predictionsAreTheArgmaxOfADenseForwardPass() {
        ImageBlock block = TestBlocks.random(77, shape.inputs(), shape.classes(), 0.3, 21);
        double[] params = TestBlocks.randomParams(shape, 0.5, 22);
        int[] predicted = new BlockKernel(shape, params).predict(block);
        assertEquals(77, predicted.length);
        int nh = shape.hidden();
        int nc = shape.classes();
        for (int r = 0; r < 77; r++) {
            double[] x = block.denseRow(r);
            double[] z = new double[nc];
            for (int j = 0; j < nh; j++) {
                double h = params[shape.b1Offset() + j];
                for (int k = 0; k < shape.inputs(); k++) {
                    h += x[k] * params[k * nh + j];
                }
                for (int c = 0; c < nc; c++) {
                    z[c] += Math.max(h, 0) * params[shape.w2Offset() + j * nc + c];
                }
            }
            int best = 0;
            for (int c = 1; c < nc; c++) {
                if (z[c] + params[shape.b2Offset() + c] > z[best] + params[shape.b2Offset() + best]) {
                    best = c;
                }
            }
            assertEquals(best, predicted[r], "row " + r);
        }
    }

    @Test
    void refusesMismatchedShapes() {
        ImageBlock block = TestBlocks.random(3, 31, 4, 0.3, 1);
        BlockKernel kernel = new BlockKernel(shape, new double[shape.parameterCount()]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> kernel.accumulate(block, new BatchSums(), false));
        assertTrue(e.getMessage().contains("31 pixels"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BlockKernel(shape, new double[5]));
    }

    private double lossSum(ImageBlock block, double[] params) {
        BatchSums sums = new BatchSums();
        new BlockKernel(shape, params).accumulate(block, sums, false);
        return sums.lossSum();
    }
}
