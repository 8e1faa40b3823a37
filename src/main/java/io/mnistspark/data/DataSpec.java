package io.mnistspark.data;

import java.io.Serializable;

/**
 * A dataset as the command line names it: {@code --data}, and for the table formats {@code --format},
 * {@code --test-data} and {@code --num-features}. {@link DataLocation#of(DataSpec)} makes the location;
 * {@link DataLocation#dataSpec()} gives it back, which is what a checkpoint stores.
 *
 * @param data        {@code --data}: {@code embedded}, an IDX directory, an {@code .npz}, or a table file
 * @param format      {@code --format}, or null to go by {@code data}'s extension
 * @param testData    {@code --test-data}, the test rows of a table format, or null for none
 * @param numFeatures {@code --num-features} of LIBSVM data, or 0 for Spark's inference
 */
public record DataSpec(String data, TableFormat format, String testData, int numFeatures) implements Serializable {

    public DataSpec {
        testData = testData == null || testData.isBlank() ? null : testData.strip();
        if (numFeatures < 0 || numFeatures > ImageShape.MAX_PIXELS) {
            throw new IllegalArgumentException("--num-features must be in [1, " + ImageShape.MAX_PIXELS
                    + "] (or 0 to infer it), got " + numFeatures);
        }
    }

    /** Only {@code --data}: the format by extension, no test rows of its own, features inferred. */
    public static DataSpec of(String data) {
        return new DataSpec(data, null, null, 0);
    }
}
