package io.mnistspark.data;

import io.mnistspark.numpy.RandomState;
import java.io.Serializable;
import java.util.BitSet;

/**
 * Which training-file records are validation records: scikit-learn's
 * {@code train_test_split(x, y, test_size=fraction, random_state=seed)}, which takes
 * {@code perm = RandomState(seed).permutation(n)}, the first {@code ceil(fraction * n)} positions of
 * {@code perm} for validation and the rest for training.
 *
 * <p>Small enough to broadcast (one bit per record); the driver never needs the pixels to compute it.
 */
public final class TrainValidationSplit implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int records;
    private final BitSet validation;
    private final int validationCount;

    private TrainValidationSplit(int records, BitSet validation, int validationCount) {
        this.records = records;
        this.validation = validation;
        this.validationCount = validationCount;
    }

    /**
     * The notebook's split of {@code records} training-file records.
     *
     * @throws IllegalArgumentException if the fraction is outside (0, 1) or leaves either side empty
     */
    public static TrainValidationSplit of(int records, double validationFraction, long seed) {
        if (!(validationFraction > 0.0 && validationFraction < 1.0)) {
            throw new IllegalArgumentException(
                    "validation fraction must be strictly between 0 and 1, got " + validationFraction);
        }
        // scikit-learn: n_test = ceil(test_size * n_samples), n_train = n_samples - n_test.
        int validationCount = (int) Math.ceil(validationFraction * records);
        if (validationCount < 1 || validationCount >= records) {
            throw new IllegalArgumentException("a validation fraction of " + validationFraction + " of "
                    + records + " records leaves " + validationCount + " validation and "
                    + (records - validationCount) + " training records; both sides need at least one");
        }
        int[] perm = new RandomState(seed).permutation(records);
        BitSet validation = new BitSet(records);
        for (int i = 0; i < validationCount; i++) {
            validation.set(perm[i]);
        }
        return new TrainValidationSplit(records, validation, validationCount);
    }

    /**
     * The notebook's split of a dataset's training records; a training part too small for the fraction is bad
     * data here, refused naming the training file (the same fraction splits a larger file).
     *
     * @throws DataException when the fraction leaves either side empty
     */
    public static TrainValidationSplit of(DatasetInfo info, double validationFraction, long seed) {
        try {
            return of(info.count(Part.TRAIN), validationFraction, seed);
        } catch (IllegalArgumentException e) {
            throw new DataException(info.files().get(0).location() + ": " + e.getMessage()
                    + "; give a training file of more records, or another --val-fraction", e);
        }
    }

    /** Whether training-file record {@code index} (0-based, file order) is a validation record. */
    public boolean isValidation(int index) {
        if (index < 0 || index >= records) {
            throw new IndexOutOfBoundsException("record " + index + " outside 0.." + (records - 1));
        }
        return validation.get(index);
    }

    public int records() {
        return records;
    }

    public int validationCount() {
        return validationCount;
    }

    public int trainCount() {
        return records - validationCount;
    }
}
