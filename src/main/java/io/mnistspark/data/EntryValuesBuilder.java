package io.mnistspark.data;

import java.util.Arrays;

/**
 * Collects a block's entry values in the byte form while every value is exactly {@code k / 255.0}
 * ({@link PixelScale#rawOf}), and switches the whole block to doubles at the first value that is not;
 * the bytes collected so far become their table values, which are those very doubles. So a block of
 * byte images, whether given as bytes or as doubles {@code k / 255.0}, keeps today's compact form.
 */
final class EntryValuesBuilder {
    private static final int INITIAL = 1 << 16;

    private int size;
    private byte[] rawA = new byte[INITIAL];
    private byte[] rawB = new byte[INITIAL];
    /** Null while the block holds bytes. */
    private double[] realA;
    private double[] realB;

    /** Appends one entry's two values (one of them may be 0.0). */
    void add(double a, double b) {
        if (realA == null) {
            int ra = PixelScale.rawOf(a);
            int rb = PixelScale.rawOf(b);
            if (ra >= 0 && rb >= 0) {
                if (size == rawA.length) {
                    rawA = Arrays.copyOf(rawA, 2 * size);
                    rawB = Arrays.copyOf(rawB, 2 * size);
                }
                rawA[size] = (byte) ra;
                rawB[size] = (byte) rb;
                size++;
                return;
            }
            switchToReal();
        }
        if (size == realA.length) {
            realA = Arrays.copyOf(realA, 2 * size);
            realB = Arrays.copyOf(realB, 2 * size);
        }
        realA[size] = a;
        realB[size] = b;
        size++;
    }

    int size() {
        return size;
    }

    /** The values, trimmed to size. */
    EntryValues build() {
        if (realA == null) {
            return EntryValues.ofBytes(Arrays.copyOf(rawA, size), Arrays.copyOf(rawB, size));
        }
        return EntryValues.ofReals(Arrays.copyOf(realA, size), Arrays.copyOf(realB, size));
    }

    private void switchToReal() {
        int capacity = Math.max(INITIAL, 2 * size);
        realA = new double[capacity];
        realB = new double[capacity];
        for (int e = 0; e < size; e++) {
            realA[e] = PixelScale.scale(rawA[e] & 0xff);
            realB[e] = PixelScale.scale(rawB[e] & 0xff);
        }
        rawA = null;
        rawB = null;
    }
}
