package io.mnistspark.data;

/**
 * Entry values as raw pixel bytes (0-255), read as {@code p / 255.0} through a table: exactly the
 * notebook's scaling (one correctly rounded division), for 2 bytes an entry instead of 16.
 */
final class ByteValues extends EntryValues {
    private static final long serialVersionUID = 1L;
    private static final double[] SCALE = new double[256];

    static {
        for (int p = 0; p < 256; p++) {
            SCALE[p] = p / 255.0;
        }
    }

    private final byte[] a;
    private final byte[] b;

    ByteValues(byte[] a, byte[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(a.length + " first values but " + b.length + " second values");
        }
        this.a = a;
        this.b = b;
    }

    /** {@code raw / 255.0} for a raw pixel 0-255. */
    static double scale(int raw) {
        return SCALE[raw];
    }

    /**
     * The raw pixel k (0-255) whose scaled value {@code k / 255.0} is exactly {@code value}, bit for bit,
     * or -1 when there is none: the test that lets a real-valued row keep the byte form.
     */
    static int rawOf(double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            return -1;
        }
        int k = (int) Math.rint(value * 255.0);
        return SCALE[k] == value ? k : -1;
    }

    @Override
    int entries() {
        return a.length;
    }

    @Override
    double a(int entry) {
        return SCALE[a[entry] & 0xff];
    }

    @Override
    double b(int entry) {
        return SCALE[b[entry] & 0xff];
    }

    /** The raw pixel of the pair's first column at entry e. */
    byte rawA(int entry) {
        return a[entry];
    }

    /** The raw pixel of the pair's second column at entry e. */
    byte rawB(int entry) {
        return b[entry];
    }

    @Override
    long sizeInBytes() {
        return 2L * a.length;
    }
}
