package io.mnistspark.bench;

import io.mnistspark.data.Shard;
import io.mnistspark.model.NetworkShape;
import io.mnistspark.train.PassSums;
import io.mnistspark.train.ShardTreeSum;
import java.util.List;

/**
 * Times the kernel alone: exactly the work one Spark task does on its shard in a step
 * ({@link PassSums#of}: a {@code BlockKernel} at the parameters, the training rows forward and backward,
 * the validation rows forward), here on the driver over the same shards, with no Spark in between.
 *
 * <p>With one thread this is the single-core cost of a step's arithmetic; with one thread per shard (as many
 * as {@code local[N]} runs tasks) it is the part of a step the kernels take, and the rest of the step is
 * Spark's scheduling, the broadcast and the transfer of the results.
 */
public final class KernelTimer {
    private final List<Shard> shards;
    private final NetworkShape shape;
    private final double[] params;

    /** @param shards the persisted shards, collected to the driver (in partition order) */
    public KernelTimer(List<Shard> shards, NetworkShape shape, double[] params) {
        if (shards.isEmpty()) {
            throw new IllegalArgumentException("no shards to time the kernel on");
        }
        this.shards = List.copyOf(shards);
        this.shape = shape;
        this.params = params.clone();
    }

    /** Passes over every shard on {@code threads} threads (one per shard at most); close it when done. */
    public InterleavedSeries series(String name, int threads) {
        return new InterleavedSeries(name, new ShardRunner(shards.size(), threads), this::shardSums);
    }

    /** The sums of one pass, added in the step loop's fixed order (to check that the same thing is timed). */
    public PassSums sums() {
        ShardTreeSum total = new ShardTreeSum(shards.size());
        for (int s = 0; s < shards.size(); s++) {
            total.addShard(shards.get(s).index(), shardSums(s));
        }
        return total.total();
    }

    public int shardCount() {
        return shards.size();
    }

    private PassSums shardSums(int s) {
        return PassSums.of(shards.get(s), shape, params, true);
    }
}
