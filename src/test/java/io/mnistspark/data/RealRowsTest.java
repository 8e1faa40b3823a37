package io.mnistspark.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real-valued rows (negative, not multiples of 1/255, given dense or sparse) come back from the block as
 * they went in, and rows of byte fractions keep the byte form whichever way they are given.
 */
class RealRowsTest {
    private static final int FEATURES = 37;

    @ParameterizedTest
    @ValueSource(ints = {1, 31, 32, 33, 64, 65, 100})
    void realRowsComeBackAsTheyWentIn(int rows) {
        List<double[]> given = realRows(rows, 0.3, rows);
        ImageBlock block = build(given);
        assertFalse(block.isByteForm());
        assertEquals(rows, block.rows());
        int nonzeros = 0;
        for (int r = 0; r < rows; r++) {
            assertArrayEquals(stored(given.get(r)), block.denseRow(r), "row " + r);
            assertEquals(r % 10, block.label(r));
            for (double v : given.get(r)) {
                nonzeros += v != 0.0 ? 1 : 0;
            }
        }
        assertEquals(nonzeros, block.nonzeros(), "zeros, -0.0 among them, are not stored");
    }

    @Test
    void scatterSliceAndSerializationKeepRealValues() throws Exception {
        List<double[]> given = realRows(75, 0.4, 9);
        ImageBlock block = build(given);
        double[] dense = new double[75 * FEATURES];
        block.scatterScaled(dense);
        ImageBlock slice = block.slice(20, 61);
        ImageBlock copy = roundTrip(block);
        assertFalse(slice.isByteForm());
        for (int r = 0; r < 75; r++) {
            double[] expected = stored(given.get(r));
            for (int k = 0; k < FEATURES; k++) {
                assertEquals(expected[k], dense[r * FEATURES + k], "row " + r + " column " + k);
            }
            assertArrayEquals(expected, copy.denseRow(r));
            if (r >= 20 && r < 61) {
                assertArrayEquals(expected, slice.denseRow(r - 20));
                assertEquals(block.label(r), slice.label(r - 20));
            }
        }
        assertEquals(block.sizeInBytes(), copy.sizeInBytes());
    }

    @Test
    void negativeZerosTakeNoColumnAndNoEntry() {
        ImageBlockBuilder zeros = new ImageBlockBuilder(FEATURES);
        ImageBlockBuilder empty = new ImageBlockBuilder(FEATURES);
        double[] row = new double[FEATURES];
        Arrays.fill(row, -0.0);
        int[] all = new int[FEATURES];
        Arrays.setAll(all, k -> k);
        for (int r = 0; r < 40; r++) {
            zeros.add(row, 0);
            zeros.add(all, row, 0);
            empty.add(new byte[FEATURES], 0);
            empty.add(new byte[FEATURES], 0);
        }
        ImageBlock block = zeros.build();
        assertEquals(0, block.nonzeros());
        assertEquals(0, block.firstPair(block.chunks()), "no column is nonempty");
        assertTrue(block.isByteForm());
        assertEquals(empty.build().sizeInBytes(), block.sizeInBytes());
        assertArrayEquals(new double[FEATURES], block.denseRow(79));
    }

    @Test
    void rawBytesOfARealBlockAreRefused() {
        ImageBlock block = build(realRows(3, 0.5, 2));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> block.rawRow(0, new byte[FEATURES]));
        assertTrue(e.getMessage().contains("real values"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 32, 70})
    void byteFractionsGivenAsDoublesKeepTheByteForm(int rows) {
        Random random = new Random(rows);
        ImageBlockBuilder bytes = new ImageBlockBuilder(FEATURES);
        ImageBlockBuilder doubles = new ImageBlockBuilder(FEATURES);
        for (int r = 0; r < rows; r++) {
            byte[] image = new byte[FEATURES];
            double[] values = new double[FEATURES];
            for (int k = 0; k < FEATURES; k++) {
                int p = random.nextDouble() < 0.4 ? 1 + random.nextInt(255) : 0;
                image[k] = (byte) p;
                values[k] = p / 255.0;
            }
            bytes.add(image, r % 10);
            addDenseOrSparse(doubles, values, r);
        }
        ImageBlock fromBytes = bytes.build();
        ImageBlock fromDoubles = doubles.build();
        assertTrue(fromBytes.isByteForm());
        assertTrue(fromDoubles.isByteForm());
        assertEquals(fromBytes.sizeInBytes(), fromDoubles.sizeInBytes());
        byte[] expected = new byte[FEATURES];
        byte[] got = new byte[FEATURES];
        for (int r = 0; r < rows; r++) {
            fromBytes.rawRow(r, expected);
            fromDoubles.rawRow(r, got);
            assertArrayEquals(expected, got, "row " + r);
        }
    }

    @Test
    void oneValueOffTheTableMakesTheWholeBlockReal() {
        ImageBlockBuilder bytes = new ImageBlockBuilder(FEATURES);
        ImageBlockBuilder mixed = new ImageBlockBuilder(FEATURES);
        byte[] image = new byte[FEATURES];
        for (int r = 0; r < 80; r++) {
            image[r % FEATURES] = (byte) (r + 1);
            bytes.add(image, 1);
            double[] values = new double[FEATURES];
            for (int k = 0; k < FEATURES; k++) {
                values[k] = (image[k] & 0xff) / 255.0;
            }
            if (r == 70) {
                // the next double above 71/255: in the third chunk, after two chunks were packed as bytes
                values[r % FEATURES] = Math.nextUp(values[r % FEATURES]);
            }
            mixed.add(values, 1);
        }
        ImageBlock byteBlock = bytes.build();
        ImageBlock realBlock = mixed.build();
        assertFalse(realBlock.isByteForm());
        int entries = byteBlock.firstEntry(byteBlock.firstPair(byteBlock.chunks()));
        assertEquals(byteBlock.sizeInBytes() + 14L * entries, realBlock.sizeInBytes(), "2 bytes an entry became 16");
        for (int r = 0; r < 80; r++) {
            double[] expected = byteBlock.denseRow(r);
            if (r == 70) {
                expected[r % FEATURES] = Math.nextUp(expected[r % FEATURES]);
            }
            assertArrayEquals(expected, realBlock.denseRow(r), "row " + r);
        }
    }

    @Test
    void manyFeaturesCostTheirNonzerosOnly() {
        int features = 1 << 24;
        ImageBlockBuilder builder = new ImageBlockBuilder(features);
        for (int r = 0; r < 100; r++) {
            builder.add(new int[] {r, 1000 + r * 7, features - 1 - r}, new double[] {-0.25, r + 0.5, 3e-300}, r);
        }
        ImageBlock block = builder.build();
        assertEquals(300, block.nonzeros());
        for (int chunk = 0; chunk < block.chunks(); chunk++) {
            int previous = -1;
            for (int p = block.firstPair(chunk); p < block.firstPair(chunk + 1); p++) {
                assertTrue(block.pixelA(p) > previous, "chunk " + chunk + " lists its columns in ascending order");
                assertTrue(block.pixelB(p) > block.pixelA(p));
                previous = block.pixelB(p);
            }
            assertEquals(3 * block.chunkRows(chunk), 2 * (block.firstPair(chunk + 1) - block.firstPair(chunk)));
        }
        int[] columns = new int[8];
        double[] values = new double[8];
        assertEquals(3, block.sparseRow(99, columns, values));
        assertArrayEquals(new int[] {99, 1693, features - 100}, Arrays.copyOf(columns, 3));
        assertArrayEquals(new double[] {-0.25, 99.5, 3e-300}, Arrays.copyOf(values, 3));
    }

    /** Standardized-looking rows: zeros (+0.0 and -0.0) at {@code 1 - density}, else normal values times 3. */
    private static List<double[]> realRows(int rows, double density, long seed) {
        Random random = new Random(seed);
        List<double[]> list = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            double[] row = new double[FEATURES];
            for (int k = 0; k < FEATURES; k++) {
                if (random.nextDouble() < density) {
                    row[k] = 3 * random.nextGaussian();
                } else if (random.nextBoolean()) {
                    row[k] = -0.0;
                }
            }
            list.add(row);
        }
        return list;
    }

    /** The row as the block gives it back: -0.0 is not stored, so it reads as +0.0. */
    private static double[] stored(double[] row) {
        double[] copy = row.clone();
        for (int k = 0; k < copy.length; k++) {
            copy[k] = copy[k] == 0.0 ? 0.0 : copy[k];
        }
        return copy;
    }

    /** Even rows dense, odd rows sparse (with their -0.0 and some +0.0 listed explicitly). */
    private static ImageBlock build(List<double[]> rows) {
        ImageBlockBuilder builder = new ImageBlockBuilder(FEATURES);
        for (int r = 0; r < rows.size(); r++) {
            addDenseOrSparse(builder, rows.get(r), r);
        }
        return builder.build();
    }

    private static void addDenseOrSparse(ImageBlockBuilder builder, double[] row, int r) {
        if (r % 2 == 0) {
            builder.add(row, r % 10);
            return;
        }
        int[] indices = new int[FEATURES];
        double[] values = new double[FEATURES];
        int n = 0;
        for (int k = 0; k < FEATURES; k++) {
            if (row[k] != 0.0 || Double.doubleToRawLongBits(row[k]) != 0 || k % 5 == 0) {
                indices[n] = k;
                values[n++] = row[k];
            }
        }
        builder.add(Arrays.copyOf(indices, n), Arrays.copyOf(values, n), r % 10);
    }

    private static ImageBlock roundTrip(ImageBlock block) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(block);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (ImageBlock) in.readObject();
        }
    }
}
