package io.mnistspark.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mnistspark.data.ImageBlock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The vector and plain kernel loops agree, including hidden sizes that leave a remainder of lanes. */
class KernelMathTest {
    @Test
    void theTestJvmUsesTheVectorKernel() {
        // surefire runs with --add-modules jdk.incubator.vector, as Spark's launcher does
        assertTrue(KernelMath.best().name().startsWith("vector-"), KernelMath.best().name());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 13, 128})
    void whereTheWorkspaceStartsChangesNoBit(int hidden) {
        NetworkShape shape = new NetworkShape(40, hidden, 10);
        ImageBlock block = TestBlocks.random(70, shape.inputs(), shape.classes(), 0.3, hidden);
        double[] params = TestBlocks.randomParams(shape, 0.2, 5);
        for (KernelMath math : new KernelMath[] {new PlainKernelMath(), KernelMath.best()}) {
            BatchSums atZero = new BatchSums();
            new BlockKernel(shape, params, math, 0).accumulate(block, atZero, true);
            for (int origin : new int[] {3, CacheLines.DOUBLE_ORIGIN}) {
                BatchSums shifted = new BatchSums();
                new BlockKernel(shape, params, math, origin).accumulate(block, shifted, true);
                assertEquals(atZero.lossSum(), shifted.lossSum(), 0.0, math.name() + " origin " + origin);
                assertArrayEquals(atZero.gradientSums(), shifted.gradientSums(), 0.0, math.name() + " origin " + origin);
                assertArrayEquals(new BlockKernel(shape, params, math, 0).predict(block),
                        new BlockKernel(shape, params, math, origin).predict(block));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 6, 13, 64, 128, 130})
    void vectorAndPlainGiveTheSameSums(int hidden) {
        NetworkShape shape = new NetworkShape(50, hidden, 7);
        // 301 rows: the last chunk's 13 rows are not a whole number of the logits' 4-row groups; 7 classes
        // leave one class outside the class pairs
        ImageBlock block = TestBlocks.random(301, shape.inputs(), shape.classes(), 0.25, hidden);
        double[] params = TestBlocks.randomParams(shape, 0.2, 17);
        BatchSums plain = new BatchSums();
        new BlockKernel(shape, params, new PlainKernelMath()).accumulate(block, plain, true);
        BatchSums vector = new BatchSums();
        new BlockKernel(shape, params, KernelMath.best()).accumulate(block, vector, true);
        assertEquals(plain.correct(), vector.correct());
        assertEquals(plain.lossSum(), vector.lossSum(), 1e-12 * plain.lossSum());
        double scale = 0;
        for (double g : plain.gradientSums()) {
            scale = Math.max(scale, Math.abs(g));
        }
        for (int i = 0; i < shape.parameterCount(); i++) {
            assertEquals(plain.gradientSums()[i], vector.gradientSums()[i], 1e-12 * scale, "entry " + i);
        }
    }
}
