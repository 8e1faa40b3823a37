package io.mnistspark.data;

/**
 * The scaling of raw pixels, {@code p / 255.0}, through a table: exactly the notebook's scaling (one
 * correctly rounded division), and the test that tells whether a double is such a scaled pixel, so that
 * rows given as doubles {@code k / 255.0} keep the byte form.
 */
final class PixelScale {
    private static final double[] SCALE = new double[256];

    static {
        for (int p = 0; p < 256; p++) {
            SCALE[p] = p / 255.0;
        }
    }

    private PixelScale() {
    }

    /** {@code raw / 255.0} for a raw pixel 0-255. */
    static double scale(int raw) {
        return SCALE[raw];
    }

    /**
     * The raw pixel k (0-255) whose scaled value {@code k / 255.0} is exactly {@code value}, bit for bit,
     * or -1 when there is none.
     */
    static int rawOf(double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            return -1;
        }
        // the nearest k: k / 255.0 is within an ulp of k / 255, and the table's values are 1/255 apart
        int k = (int) (value * 255.0 + 0.5);
        return SCALE[k] == value ? k : -1;
    }
}
