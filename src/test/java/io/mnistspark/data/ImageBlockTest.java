package io.mnistspark.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The chunked column-pair layout gives back exactly the images and labels that went in. */
class ImageBlockTest {
    private static final int FEATURES = 37;

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 31, 32, 33, 64, 100})
    void everyRowComesBackAsItWentIn(int rows) {
        List<byte[]> images = images(rows, 0.3, rows);
        ImageBlock block = build(images);
        assertEquals(rows, block.rows());
        assertEquals((rows + 31) / 32, block.chunks());
        byte[] got = new byte[FEATURES];
        int nonzeros = 0;
        for (int r = 0; r < rows; r++) {
            block.rawRow(r, got);
            assertArrayEquals(images.get(r), got, "row " + r);
            assertEquals(r % 10, block.label(r));
            for (byte p : images.get(r)) {
                nonzeros += p != 0 ? 1 : 0;
            }
        }
        assertEquals(nonzeros, block.nonzeros());
    }

    @Test
    void chunksPairTheirNonemptyColumnsInAscendingOrder() {
        List<byte[]> images = images(70, 0.5, 4);
        ImageBlock block = build(images);
        for (int chunk = 0; chunk < block.chunks(); chunk++) {
            assertEquals(chunk < 2 ? 32 : 6, block.chunkRows(chunk));
            List<Integer> nonempty = new ArrayList<>();
            for (int k = 0; k < FEATURES; k++) {
                for (int i = 0; i < block.chunkRows(chunk); i++) {
                    if (images.get(chunk * 32 + i)[k] != 0) {
                        nonempty.add(k);
                        break;
                    }
                }
            }
            List<Integer> listed = new ArrayList<>();
            for (int p = block.firstPair(chunk); p < block.firstPair(chunk + 1); p++) {
                listed.add(block.pixelA(p));
                if (block.pixelB(p) != ImageBlock.NO_PIXEL) {
                    listed.add(block.pixelB(p));
                } else {
                    assertEquals(block.firstPair(chunk + 1) - 1, p, "only a chunk's last pair holds one column");
                }
                int previousRow = -1;
                for (int e = block.firstEntry(p); e < block.firstEntry(p + 1); e++) {
                    assertTrue(block.entryRow(e) > previousRow, "rows ascend within a pair");
                    previousRow = block.entryRow(e);
                    assertTrue(block.scaledA(e) != 0 || block.scaledB(e) != 0, "an entry has a nonzero pixel");
                }
            }
            assertEquals(nonempty, listed, "chunk " + chunk + " lists every nonempty column once, ascending");
        }
    }

    @Test
    void allZeroImagesTakeNoEntries() {
        ImageBlock block = build(images(40, 0.0, 1));
        assertEquals(0, block.nonzeros());
        assertEquals(0, block.firstPair(block.chunks()));
        assertArrayEquals(new double[FEATURES], block.denseRow(39));
    }

    @Test
    void scatterAndSliceAgreeWithRowByRowCopies() {
        List<byte[]> images = images(75, 0.4, 9);
        ImageBlock block = build(images);
        double[] dense = new double[75 * FEATURES];
        block.scatterScaled(dense);
        for (int r = 0; r < 75; r++) {
            for (int k = 0; k < FEATURES; k++) {
                assertEquals((images.get(r)[k] & 0xff) / 255.0, dense[r * FEATURES + k]);
            }
        }
        ImageBlock slice = block.slice(20, 61);
        assertEquals(41, slice.rows());
        for (int r = 0; r < 41; r++) {
            assertArrayEquals(block.denseRow(20 + r), slice.denseRow(r));
            assertEquals(block.label(20 + r), slice.label(r));
        }
        assertThrows(IndexOutOfBoundsException.class, () -> block.slice(10, 76));
        assertThrows(IllegalArgumentException.class, () -> block.scatterScaled(new double[10]));
    }

    @Test
    void builderRefusesBadImagesAndLabels() {
        ImageBlockBuilder builder = new ImageBlockBuilder(FEATURES);
        assertThrows(IllegalArgumentException.class, () -> builder.add(new byte[FEATURES - 1], 0));
        assertThrows(IllegalArgumentException.class, () -> builder.add(new byte[FEATURES], ImageBlock.MAX_LABEL + 1));
        assertThrows(IllegalArgumentException.class, () -> builder.add(new byte[FEATURES], -1));
        assertThrows(IllegalArgumentException.class, () -> new ImageBlockBuilder(0));
        assertEquals(0, builder.rows());
    }

    @Test
    void labelsAboveAByteTakeTwoBytesARow() {
        List<byte[]> images = images(40, 0.3, 5);
        ImageBlockBuilder wide = new ImageBlockBuilder(FEATURES);
        for (int r = 0; r < 40; r++) {
            wide.add(images.get(r), r == 39 ? ImageBlock.MAX_LABEL : 250 + r);
        }
        ImageBlock block = wide.build();
        ImageBlock narrow = build(images);
        for (int r = 0; r < 40; r++) {
            assertEquals(r == 39 ? ImageBlock.MAX_LABEL : 250 + r, block.label(r));
        }
        assertEquals(narrow.sizeInBytes() + 40, block.sizeInBytes());
    }

    private static ImageBlock build(List<byte[]> images) {
        ImageBlockBuilder builder = new ImageBlockBuilder(FEATURES);
        for (int r = 0; r < images.size(); r++) {
            builder.add(images.get(r), r % 10);
        }
        return builder.build();
    }

    private static List<byte[]> images(int rows, double density, long seed) {
        Random random = new Random(seed);
        List<byte[]> images = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            byte[] image = new byte[FEATURES];
            for (int k = 0; k < FEATURES; k++) {
                image[k] = random.nextDouble() < density ? (byte) (1 + random.nextInt(255)) : 0;
            }
            images.add(image);
        }
        return images;
    }
}
