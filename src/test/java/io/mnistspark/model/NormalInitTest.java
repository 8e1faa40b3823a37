package io.mnistspark.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mnistspark.GoldenFile;
import org.junit.jupiter.api.Test;

/** The normal initialisation draws numpy's RandomState(seed).normal stream: golden/normal-init-seed0.txt. */
class NormalInitTest {
    private final GoldenFile golden = GoldenFile.load("normal-init-seed0.txt");
    private final NetworkShape shape = new NetworkShape(784, 128, 10);
    private final double[] params = new NormalInit(0.1, 0).create(shape);

    @Test
    void firstAndLastWeightsOfEachLayerMatchNumpy() {
        assertSlice(golden.block("W1[0,0:5]"), shape.w1Offset());
        assertSlice(golden.block("W1[783,123:128]"), shape.w1Offset() + 783 * 128 + 123);
        assertSlice(golden.block("W2[0,0:5]"), shape.w2Offset());
        assertSlice(golden.block("W2[127,5:10]"), shape.w2Offset() + 127 * 10 + 5);
    }

    @Test
    void biasesStartAtZero() {
        for (int i = shape.b1Offset(); i < shape.w2Offset(); i++) {
            assertEquals(0.0, params[i]);
        }
        for (int i = shape.b2Offset(); i < shape.parameterCount(); i++) {
            assertEquals(0.0, params[i]);
        }
    }

    @Test
    void constantInitFillsWeightsOnly() {
        double[] constant = new ConstantInit(0.01).create(shape);
        assertEquals(0.01, constant[shape.w1Offset()]);
        assertEquals(0.01, constant[shape.b1Offset() - 1]);
        assertEquals(0.0, constant[shape.b1Offset()]);
        assertEquals(0.01, constant[shape.w2Offset()]);
        assertEquals(0.0, constant[shape.b2Offset()]);
    }

    @Test
    void refusesBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> new NormalInit(0.0, 0));
        assertThrows(IllegalArgumentException.class, () -> new NormalInit(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> new NormalInit(0.1, -5));
        assertThrows(IllegalArgumentException.class, () -> new ConstantInit(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new NetworkShape(784, 0, 10));
    }

    private void assertSlice(double[] expected, int offset) {
        for (int i = 0; i < expected.length; i++) {
            // one unit in the last place: Java's log and the C library's may round a draw differently
            assertEquals(expected[i], params[offset + i], Math.ulp(expected[i]), "parameter " + (offset + i));
        }
    }
}
