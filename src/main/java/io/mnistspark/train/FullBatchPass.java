package io.mnistspark.train;

import io.mnistspark.data.Shard;
import io.mnistspark.model.NetworkShape;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * One distributed pass over every training and validation row at given parameters: the parameters go
 * out as a broadcast, each shard computes its sums with plain array math, {@code treeAggregate} brings the
 * sums back along {@link ShardTreeSum}'s fixed order, and the broadcast is destroyed.
 */
public final class FullBatchPass {
    private final JavaSparkContext sc;
    private final JavaRDD<Shard> shards;
    private final int shardCount;
    private final NetworkShape shape;
    private final int treeDepth;

    public FullBatchPass(JavaSparkContext sc, JavaRDD<Shard> shards, NetworkShape shape, int treeDepth) {
        this.sc = sc;
        this.shards = shards;
        this.shardCount = shards.getNumPartitions();
        this.shape = shape;
        this.treeDepth = treeDepth;
    }

    /**
     * Sums at {@code params} (not modified, and safe to modify once this returns).
     *
     * @param withGradient whether the training rows' gradient is needed (the last pass only needs losses)
     */
    public PassSums run(double[] params, boolean withGradient) {
        Broadcast<double[]> broadcast = sc.broadcast(params);
        try {
            NetworkShape network = shape;
            ShardTreeSum total = shards.treeAggregate(new ShardTreeSum(shardCount),
                    (sum, shard) -> sum.addShard(shard.index(),
                            PassSums.of(shard, network, broadcast.value(), withGradient)),
                    ShardTreeSum::merge, treeDepth);
            return total.total();
        } finally {
            broadcast.destroy();
        }
    }
}
