package io.mnistspark.data;

/**
 * The two halves every MNIST-format dataset comes in. The validation split is carved out of
 * {@link #TRAIN} by the caller, not stored in the files.
 */
public enum Part {
    /** {@code train-*-idx?-ubyte} files, or the {@code x_train}/{@code y_train} npz members. */
    TRAIN("train", "train"),
    /** {@code t10k-*-idx?-ubyte} files, or the {@code x_test}/{@code y_test} npz members. */
    TEST("t10k", "test");

    private final String idxPrefix;
    private final String npzSuffix;

    Part(String idxPrefix, String npzSuffix) {
        this.idxPrefix = idxPrefix;
        this.npzSuffix = npzSuffix;
    }

    /** Base name (without {@code .gz}) of this part's image file in an IDX directory. */
    String idxImages() {
        return idxPrefix + "-images-idx3-ubyte";
    }

    /** Base name (without {@code .gz}) of this part's label file in an IDX directory. */
    String idxLabels() {
        return idxPrefix + "-labels-idx1-ubyte";
    }

    /** Member holding this part's images in a Keras-style npz. */
    String npzImages() {
        return "x_" + npzSuffix + ".npy";
    }

    /** Member holding this part's labels in a Keras-style npz. */
    String npzLabels() {
        return "y_" + npzSuffix + ".npy";
    }
}
