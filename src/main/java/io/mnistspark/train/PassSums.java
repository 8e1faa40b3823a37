package io.mnistspark.train;

import io.mnistspark.data.Shard;
import io.mnistspark.model.BatchSums;
import io.mnistspark.model.BlockKernel;
import io.mnistspark.model.NetworkShape;
import java.io.Serializable;

/**
 * What one pass over the training shards returns at one set of parameters: the training rows' sums
 * (with the gradient when asked for) and the validation rows' sums (loss and accuracy only).
 */
public final class PassSums implements Serializable {
    private static final long serialVersionUID = 1L;

    private final BatchSums train;
    private final BatchSums validation;

    private PassSums(BatchSums train, BatchSums validation) {
        this.train = train;
        this.validation = validation;
    }

    /** The sums of one shard at {@code params}. */
    public static PassSums of(Shard shard, NetworkShape shape, double[] params, boolean withGradient) {
        PassSums sums = new PassSums(new BatchSums(), new BatchSums());
        BlockKernel kernel = new BlockKernel(shape, params);
        kernel.accumulate(shard.train(), sums.train, withGradient);
        kernel.accumulate(shard.validation(), sums.validation, false);
        return sums;
    }

    /**
     * A shard's result without its arithmetic: no rows, a zero gradient of the network's size when asked
     * for one. What {@link ShardWork#sparkFloor} returns.
     */
    static PassSums noRows(NetworkShape shape, boolean withGradient) {
        return new PassSums(withGradient ? BatchSums.noRows(shape.parameterCount()) : new BatchSums(), new BatchSums());
    }

    /** Adds {@code other} into this (modifies this): this-then-other, a fixed order of additions. */
    void add(PassSums other) {
        train.add(other.train);
        validation.add(other.validation);
    }

    public BatchSums train() {
        return train;
    }

    public BatchSums validation() {
        return validation;
    }
}
