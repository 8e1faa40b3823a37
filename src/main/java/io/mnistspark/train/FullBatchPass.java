package io.mnistspark.train;

import io.mnistspark.data.Shard;
import io.mnistspark.model.NetworkShape;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * One distributed pass over every training and validation row at given parameters: the parameters go
 * out as a broadcast, each shard computes its sums with plain array math, the sums come back along
 * {@link ShardTreeSum}'s fixed order, and the broadcast is destroyed.
 *
 * <p>How the sums come back follows Spark's own rule for {@code treeAggregate} on a cluster: where that
 * rule adds intermediate levels (more partitions than {@code scale + ceil(n / scale)},
 * {@code scale = max(ceil(n^(1/depth)), 2)}), the pass runs {@code treeAggregate}, which merges on the
 * executors first. Where it would not, and always in local mode (one JVM holds every partition, so a level
 * would only add a shuffle: 0.12 s a step at 8 partitions on 2 cores), the pass submits its one job
 * itself: one task per partition returns that partition's sums and the driver adds them as they arrive,
 * which is what {@code treeAggregate} ends in there too, without its per-job closure cleaning (an ASM
 * parse of Spark's classes, about 9 ms of driver time a step) and zero-value copies. Either way the
 * additions and their order are {@link ShardTreeSum}'s, so both give the same bits.
 */
public final class FullBatchPass {
    private static final ClassTag<ShardTreeSum> SUMS = ClassTag$.MODULE$.apply(ShardTreeSum.class);

    private final JavaSparkContext sc;
    private final JavaRDD<Shard> shards;
    private final int shardCount;
    private final ShardWork work;
    private final int treeDepth;
    private final boolean mergesOnExecutors;

    /** The training step's pass: the kernel over every shard. */
    public FullBatchPass(JavaSparkContext sc, JavaRDD<Shard> shards, NetworkShape shape, int treeDepth) {
        this(sc, shards, ShardWork.kernel(shape), treeDepth, !sc.isLocal());
    }

    /** The same job as the step's pass with no arithmetic in its tasks ({@link ShardWork#sparkFloor}). */
    public static FullBatchPass sparkFloor(JavaSparkContext sc, JavaRDD<Shard> shards, NetworkShape shape,
            int treeDepth) {
        return new FullBatchPass(sc, shards, ShardWork.sparkFloor(shape), treeDepth, !sc.isLocal());
    }

    /**
     * @param onCluster whether the partitions may sit in several executors' JVMs, where {@code treeAggregate}'s
     *                  levels can merge before the driver (tests force it to run that path in local mode)
     */
    FullBatchPass(JavaSparkContext sc, JavaRDD<Shard> shards, ShardWork work, int treeDepth, boolean onCluster) {
        if (treeDepth < 1) {
            throw new IllegalArgumentException("tree depth must be at least 1, got " + treeDepth);
        }
        this.sc = sc;
        this.shards = shards;
        this.shardCount = shards.getNumPartitions();
        this.work = work;
        this.treeDepth = treeDepth;
        this.mergesOnExecutors = onCluster && treeAddsLevels(shardCount, treeDepth);
    }

    /**
     * Whether Spark's {@code treeAggregate} over {@code partitions} partitions at {@code depth} merges on
     * executors before the driver (its rule, in RDD.treeAggregate).
     */
    static boolean treeAddsLevels(int partitions, int depth) {
        int scale = Math.max((int) Math.ceil(Math.pow(partitions, 1.0 / depth)), 2);
        return partitions > scale + Math.ceil((double) partitions / scale);
    }

    /** Whether this pass merges through {@code treeAggregate}'s intermediate levels. */
    public boolean mergesOnExecutors() {
        return mergesOnExecutors;
    }

    /**
     * Sums at {@code params} (not modified, and safe to modify once this returns).
     *
     * @param withGradient whether the training rows' gradient is needed (the last pass only needs losses)
     */
    public PassSums run(double[] params, boolean withGradient) {
        Broadcast<ParameterBroadcast> broadcast = sc.broadcast(new ParameterBroadcast(params));
        try {
            ShardSumsTask task = new ShardSumsTask(broadcast, work, withGradient, shardCount);
            ShardTreeSum total = mergesOnExecutors ? inTree(task) : onDriver(task);
            return total.total();
        } finally {
            broadcast.destroy();
        }
    }

    private ShardTreeSum inTree(ShardSumsTask task) {
        return shards.treeAggregate(new ShardTreeSum(shardCount), task::add, ShardTreeSum::merge, treeDepth);
    }

    private ShardTreeSum onDriver(ShardSumsTask task) {
        ShardTreeSum total = new ShardTreeSum(shardCount);
        sc.sc().runJob(shards.rdd(), task, new MergeInto(total), SUMS);
        return total;
    }

    /** Spark's result handler: adds each partition's sums into the driver's tree (called one at a time). */
    private static final class MergeInto extends AbstractFunction2<Object, ShardTreeSum, BoxedUnit> {
        private final ShardTreeSum total;

        MergeInto(ShardTreeSum total) {
            this.total = total;
        }

        @Override
        public BoxedUnit apply(Object partition, ShardTreeSum partial) {
            total.merge(partial);
            return BoxedUnit.UNIT;
        }
    }
}
