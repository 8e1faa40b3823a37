package io.mnistspark.numpy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** float64 .npy files: what is written reads back, and what is not a usable array is refused by name. */
class NpyDoublesTest {
    private static final double[] VALUES = {0.1, -2.5, Double.MIN_VALUE, 1e300, -0.0, 3.0};

    @Test
    void writtenArraysReadBackBitForBit() throws IOException {
        byte[] file = NpyDoubles.toBytes(VALUES, 2, 3);
        double[] back = NpyDoubles.read(new ByteArrayInputStream(file), "W.npy", 6);
        for (int i = 0; i < VALUES.length; i++) {
            assertTrue(Double.doubleToRawLongBits(VALUES[i]) == Double.doubleToRawLongBits(back[i]), "value " + i);
        }
        NpyHeader header = NpyHeader.read(new ByteArrayInputStream(file), "W.npy");
        assertTrue(header.headerBytes() % 64 == 0, "numpy aligns the data to 64 bytes");
        assertArrayEquals(new Object[] {2L, 3L}, header.shape().toArray());
    }

    @Test
    void refusesOtherDtypesOrdersAndSizes() {
        refused(NpyBytes.npy("<f4", false, "(6,)", new byte[24]), 6, "W.npy: expected a C-order little-endian float64");
        refused(NpyBytes.npy("<f8", true, "(2, 3)", new byte[48]), 6, "in Fortran order");
        refused(NpyDoubles.toBytes(VALUES, 6), 7, "W.npy: holds 6 values (shape (6,)), the model needs 7");
        refused(Arrays.copyOf(NpyDoubles.toBytes(VALUES, 6), 9), 6, "W.npy: truncated");
    }

    @Test
    void refusesDataCutShort() {
        byte[] file = NpyDoubles.toBytes(VALUES, 6);
        byte[] cut = Arrays.copyOf(file, file.length - 8);
        assertThrows(EOFException.class, () -> NpyDoubles.read(new ByteArrayInputStream(cut), "W.npy", 6));
    }

    private static void refused(byte[] file, int expectedLength, String fragment) {
        NpyFormatException e = assertThrows(NpyFormatException.class,
                () -> NpyDoubles.read(new ByteArrayInputStream(file), "W.npy", expectedLength));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}
