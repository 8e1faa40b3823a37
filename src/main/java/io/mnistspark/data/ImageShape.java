package io.mnistspark.data;

/**
 * Height and width of every image of a dataset, taken from the file headers (MNIST is 28 x 28, but any
 * dataset in the same format loads).
 *
 * @param rows image height in pixels, {@code > 0}
 * @param cols image width in pixels, {@code > 0}
 */
public record ImageShape(int rows, int cols) implements java.io.Serializable {
    /**
     * Largest accepted {@code rows * cols}: 2^24 pixels (a 4096 x 4096 image). Far beyond anything an
     * MLP on single images will see, and small enough that a record buffer is always allocatable, so
     * a corrupt header cannot make a reader ask for gigabytes.
     */
    static final int MAX_PIXELS = 1 << 24;

    public ImageShape {
        if (rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("image shape must be positive, got " + rows + " x " + cols);
        }
        if ((long) rows * cols > MAX_PIXELS) {
            throw new IllegalArgumentException("image shape " + rows + " x " + cols + " has more than "
                    + MAX_PIXELS + " pixels");
        }
    }

    /**
     * The shape of rows of {@code features} values that carry none of their own (a table format's):
     * {@code s x s} when {@code features} is a square {@code s * s}, as MNIST's 784 = 28 x 28, else
     * {@code 1 x features}.
     */
    static ImageShape ofFeatures(int features) {
        int side = (int) Math.round(Math.sqrt(features));
        return side * side == features ? new ImageShape(side, side) : new ImageShape(1, features);
    }

    /** Pixels per image, {@code rows * cols}: the length of one record's pixel buffer. */
    public int pixels() {
        return rows * cols;
    }

    /** Checks header dimensions before they become an {@code ImageShape}; null when acceptable, else why not. */
    static String problem(long rows, long cols) {
        if (rows <= 0 || cols <= 0) {
            return "image dimensions must be positive, found " + rows + " x " + cols;
        }
        if (rows > MAX_PIXELS || cols > MAX_PIXELS || rows * cols > MAX_PIXELS) {
            return "image dimensions " + rows + " x " + cols + " exceed the limit of " + MAX_PIXELS
                    + " pixels per image (the header is probably corrupt)";
        }
        return null;
    }

    @Override
    public String toString() {
        return rows + " x " + cols;
    }
}
