package io.mnistspark.data;

/**
 * Entry values as doubles, stored as given: any finite value, negative or not a multiple of 1/255
 * (standardized features, embeddings). 16 bytes an entry; {@link ByteValues} holds byte images in 2.
 */
final class RealValues extends EntryValues {
    private static final long serialVersionUID = 1L;

    private final double[] a;
    private final double[] b;

    RealValues(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(a.length + " first values but " + b.length + " second values");
        }
        this.a = a;
        this.b = b;
    }

    @Override
    int entries() {
        return a.length;
    }

    @Override
    double a(int entry) {
        return a[entry];
    }

    @Override
    double b(int entry) {
        return b[entry];
    }

    @Override
    long sizeInBytes() {
        return 16L * a.length;
    }
}
