package io.mnistspark.data;

import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;

/**
 * Packs one partition's labeled rows, in the order given, into a {@link Shard}: training rows and
 * validation rows into blocks of their own. Shared by Spark ML's {@code fit} (rows of a DataFrame
 * partition) and the command line's table formats (a record range, in file order), so a row is packed
 * the same way whichever reads it: values {@code k / 255} keep the compact byte form
 * ({@link ImageBlockBuilder}).
 */
public final class ShardBuilder {
    private final ImageBlockBuilder train;
    private final ImageBlockBuilder validation;

    /** @param features the length of every row */
    public ShardBuilder(int features) {
        this.train = new ImageBlockBuilder(features);
        this.validation = new ImageBlockBuilder(features);
    }

    /** Appends a row given as a Spark ML vector (dense or sparse); zeros are not stored. */
    public void add(Vector features, int label, boolean isValidation) {
        SparseVector sparse = features.toSparse();
        add(sparse.indices(), sparse.values(), label, isValidation);
    }

    /** Appends a sparse row: {@code values} at the strictly ascending {@code indices}, zero elsewhere. */
    public void add(int[] indices, double[] values, int label, boolean isValidation) {
        (isValidation ? validation : train).add(indices, values, label);
    }

    /** Rows appended so far, training and validation. */
    public int rows() {
        return train.rows() + validation.rows();
    }

    /** The shard of partition {@code index}. */
    public Shard build(int index) {
        return new Shard(index, train.build(), validation.build());
    }
}
