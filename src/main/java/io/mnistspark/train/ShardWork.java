package io.mnistspark.train;

import io.mnistspark.data.Shard;
import io.mnistspark.model.NetworkShape;
import java.io.Serializable;

/** What a pass's task computes on one shard at the broadcast parameters. */
public interface ShardWork extends Serializable {
    PassSums sums(Shard shard, double[] params, boolean withGradient);

    /** The training step's work: the kernel's sums over the shard's training and validation rows. */
    static ShardWork kernel(NetworkShape shape) {
        return (shard, params, withGradient) -> PassSums.of(shard, shape, params, withGradient);
    }

    /**
     * Spark's floor: the task reads the broadcast parameters and returns a result as large as the kernel's
     * (a zero gradient of the network's size), without touching a row. A pass of this work costs what Spark
     * itself costs for the step's job: broadcast, scheduling, task start, result transfer and merging.
     */
    static ShardWork sparkFloor(NetworkShape shape) {
        return (shard, params, withGradient) -> {
            if (params.length != shape.parameterCount()) {
                throw new IllegalStateException("broadcast holds " + params.length + " parameters, network "
                        + shape + " has " + shape.parameterCount());
            }
            return PassSums.noRows(shape, withGradient);
        };
    }
}
