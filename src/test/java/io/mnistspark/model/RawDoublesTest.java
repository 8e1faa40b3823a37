package io.mnistspark.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RawDoublesTest {
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 8191, 8192, 8193, 101_770})
    void everyBitComesBack(int length) throws IOException {
        SplittableRandom random = new SplittableRandom(length);
        double[] values = new double[length];
        double[] specials = {-0.0, 0.0, Double.NaN, Double.longBitsToDouble(0x7ff0000000000abcL), Double.MIN_VALUE,
            -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int i = 0; i < length; i++) {
            values[i] = i < specials.length ? specials[i] : Double.longBitsToDouble(random.nextLong());
        }
        double[] back = roundTrip(values);
        assertEquals(length, back.length);
        for (int i = 0; i < length; i++) {
            assertEquals(Double.doubleToRawLongBits(values[i]), Double.doubleToRawLongBits(back[i]), "value " + i);
        }
    }

    @Test
    void nullStaysNull() throws IOException {
        assertNull(roundTrip(null));
    }

    @Test
    void aNegativeLengthIsRefused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeInt(-5);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThrows(InvalidObjectException.class, () -> RawDoubles.read(in));
        }
    }

    @Test
    void batchSumsTravelWithTheirGradient() throws IOException, ClassNotFoundException {
        BatchSums sums = BatchSums.noRows(5);
        sums.gradientSums()[3] = -1.5e-300;
        sums.addRow(0.25, true);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(sums);
            out.writeObject(new BatchSums());
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            BatchSums back = (BatchSums) in.readObject();
            assertEquals(0.25, back.lossSum());
            assertEquals(1, back.rows());
            assertEquals(1, back.correct());
            assertEquals(-1.5e-300, back.gradientSums()[3]);
            assertEquals(5, back.gradientSums().length);
            BatchSums empty = (BatchSums) in.readObject();
            assertEquals(false, empty.hasGradient());
        }
    }

    private static double[] roundTrip(double[] values) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            RawDoubles.write(out, values);
            out.writeInt(12345); // what follows is still read in place
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            double[] back = RawDoubles.read(in);
            assertEquals(12345, in.readInt());
            return back;
        }
    }
}
