package io.mnistspark.train;

import io.mnistspark.data.Shard;
import java.io.Serializable;
import org.apache.spark.TaskContext;
import org.apache.spark.broadcast.Broadcast;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction2;

/**
 * The task body of one pass, whichever way its sums come back: the {@link ShardWork} sums of the partition's shards at the broadcast parameters, kept in
 * {@link ShardTreeSum}'s fixed order. A named class rather than a lambda: Spark's closure cleaner reads
 * the class file of every Scala lambda it is given (an ASM parse of a class out of a jar, each job), and
 * passes plain serializable objects through untouched.
 */
final class ShardSumsTask extends AbstractFunction2<TaskContext, Iterator<Shard>, ShardTreeSum> implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Broadcast<ParameterBroadcast> params;
    private final ShardWork work;
    private final boolean withGradient;
    private final int shardCount;

    ShardSumsTask(Broadcast<ParameterBroadcast> params, ShardWork work, boolean withGradient, int shardCount) {
        this.params = params;
        this.work = work;
        this.withGradient = withGradient;
        this.shardCount = shardCount;
    }

    /** The whole partition's sums: the job's task when the driver merges the partitions. */
    @Override
    public ShardTreeSum apply(TaskContext context, Iterator<Shard> shards) {
        ShardTreeSum sums = new ShardTreeSum(shardCount);
        while (shards.hasNext()) {
            add(sums, shards.next());
        }
        return sums;
    }

    /** Adds one shard's sums into {@code sums} and returns it: {@code treeAggregate}'s per-row step. */
    ShardTreeSum add(ShardTreeSum sums, Shard shard) {
        return sums.addShard(shard.index(), work.sums(shard, params.value().values(), withGradient));
    }
}
