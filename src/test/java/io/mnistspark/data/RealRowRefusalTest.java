package io.mnistspark.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The builder refuses what it cannot store faithfully (non-finite values, sparse indices that are not
 * strictly ascending column numbers), says where, and keeps nothing of a refused row.
 */
class RealRowRefusalTest {
    private static final int FEATURES = 37;

    @Test
    void nonFiniteValuesAreRefusedNamingTheRowAndColumn() {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            ImageBlockBuilder builder = new ImageBlockBuilder(FEATURES);
            double[] good = new double[FEATURES];
            good[2] = -1.5;
            for (int r = 0; r < 3; r++) {
                builder.add(good, 0);
            }
            double[] row = good.clone();
            row[5] = bad;
            IllegalArgumentException dense = assertThrows(IllegalArgumentException.class, () -> builder.add(row, 0));
            assertTrue(dense.getMessage().contains("row 3, column 5"), dense.getMessage());
            IllegalArgumentException sparse = assertThrows(IllegalArgumentException.class,
                    () -> builder.add(new int[] {2, 7}, new double[] {1.0, bad}, 0));
            assertTrue(sparse.getMessage().contains("row 3, column 7"), sparse.getMessage());
            assertEquals(3, builder.rows(), "a refused row is not kept");
            builder.add(good, 4);
            ImageBlock block = builder.build();
            assertEquals(4, block.rows());
            assertEquals(4, block.nonzeros());
            assertEquals(4, block.label(3));
            assertArrayEquals(good, block.denseRow(3));
        }
    }

    @Test
    void badSparseIndicesAreRefused() {
        ImageBlockBuilder builder = new ImageBlockBuilder(FEATURES);
        double[] two = {1.0, 2.0};
        assertRefused(builder, new int[] {5, 3}, two, "below the previous index 5");
        assertRefused(builder, new int[] {3, 3}, two, "repeats the previous index");
        assertRefused(builder, new int[] {3, FEATURES}, two, "outside 0.." + (FEATURES - 1));
        assertRefused(builder, new int[] {-1, 3}, two, "outside 0.." + (FEATURES - 1));
        assertRefused(builder, new int[] {1, 2, 3}, two, "3 indices but 2 values");
        assertThrows(IllegalArgumentException.class, () -> builder.add(new double[FEATURES + 1], 0));
        assertEquals(0, builder.rows());
        builder.add(new int[] {0, FEATURES - 1}, two, 0);
        double[] expected = new double[FEATURES];
        expected[0] = 1.0;
        expected[FEATURES - 1] = 2.0;
        assertArrayEquals(expected, builder.build().denseRow(0));
    }

    private static void assertRefused(ImageBlockBuilder builder, int[] indices, double[] values, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> builder.add(indices, values, 0));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
