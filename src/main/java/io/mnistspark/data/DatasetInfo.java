package io.mnistspark.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What the driver learns by reading every file of a dataset once, in full.
 *
 * <p>The labels are here because they are small (4 bytes a record) and the driver needs them for the
 * train/validation split and for reports; the pixels never are: executors read those themselves
 * through {@link DatasetReader#open}. The label arrays are copied on the way in and on the way out, so an
 * instance is immutable; call {@link #trainLabels()} once and keep the array rather than calling it in a
 * loop. {@code equals} compares label contents, unlike a plain record with array components.
 *
 * @param location    where the dataset was read from
 * @param shape       image shape, from the image headers (identical for both parts)
 * @param classes     the class count ({@link ClassCount}): stated, or {@code 1 +} the largest training label;
 *                    every label is below it
 * @param files       the files read: for the record formats train images, train labels, test images, test
 *                    labels; for a table format its training file(s), then its test file(s); at least one
 * @param trainLabels label of each training record, in file order; at least one record
 * @param testLabels  label of each test record, in file order; may be empty
 */
public record DatasetInfo(DataLocation location, ImageShape shape, int classes, List<DataFile> files,
                          int[] trainLabels, int[] testLabels) {

    public DatasetInfo {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(shape, "shape");
        files = List.copyOf(files);
        trainLabels = trainLabels.clone();
        testLabels = testLabels.clone();
        if (files.isEmpty()) {
            throw new IllegalArgumentException("a dataset is read from at least one file, got none");
        }
        if (trainLabels.length == 0) {
            throw new IllegalArgumentException("a dataset needs at least one training record, got 0");
        }
        if (classes < 1) {
            throw new IllegalArgumentException("classes must be >= 1, got " + classes);
        }
        checkRange("training", trainLabels, classes);
        checkRange("test", testLabels, classes);
    }

    private static void checkRange(String part, int[] labels, int classes) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException(part + " label " + labels[i] + " at record " + i
                        + " is outside [0, " + classes + ")");
            }
        }
    }

    /** Number of records in a part. */
    public int count(Part part) {
        return switch (Objects.requireNonNull(part, "part")) {
            case TRAIN -> trainLabels.length;
            case TEST -> testLabels.length;
        };
    }

    /** A copy of the training labels, in file order. */
    @Override
    public int[] trainLabels() {
        return trainLabels.clone();
    }

    /** A copy of the test labels, in file order. */
    @Override
    public int[] testLabels() {
        return testLabels.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DatasetInfo other
                && location.equals(other.location) && shape.equals(other.shape) && classes == other.classes
                && files.equals(other.files)
                && Arrays.equals(trainLabels, other.trainLabels) && Arrays.equals(testLabels, other.testLabels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(location, shape, classes, files, Arrays.hashCode(trainLabels), Arrays.hashCode(testLabels));
    }

    /** Summary without the labels themselves (tens of thousands of numbers help no log). */
    @Override
    public String toString() {
        return "DatasetInfo[" + location.describe() + ", " + trainLabels.length + " train + " + testLabels.length
                + " test images of " + shape + ", " + classes + " classes, files=" + files + "]";
    }
}
