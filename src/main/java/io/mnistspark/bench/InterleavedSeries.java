package io.mnistspark.bench;

import io.mnistspark.train.FullBatchPass;
import java.util.function.IntFunction;

/**
 * One kind of pass timed between the job's rounds of steps: the kernel or the dense reference on the
 * driver (on some number of threads), or Spark's floor (the step's job with no arithmetic in its tasks).
 * Each {@link #runOnce()} runs the work over every shard and returns its wall time in seconds.
 */
public final class InterleavedSeries implements AutoCloseable {
    private final String name;
    private final Runnable pass;
    private final AutoCloseable resources;

    /** {@code work} on every shard, run by {@code runner} (closed with this). */
    InterleavedSeries(String name, ShardRunner runner, IntFunction<?> work) {
        this(name, () -> runner.pass(work), runner::close);
    }

    private InterleavedSeries(String name, Runnable pass, AutoCloseable resources) {
        this.name = name;
        this.pass = pass;
        this.resources = resources;
    }

    /**
     * Passes of Spark's floor: {@code params} broadcast and the step's job over the same shards, its tasks
     * returning sums of a real result's size without arithmetic ({@link FullBatchPass#sparkFloor}).
     */
    static InterleavedSeries sparkFloor(String name, FullBatchPass floor, double[] params) {
        double[] sent = params.clone();
        return new InterleavedSeries(name, () -> floor.run(sent, true), () -> { });
    }

    public String name() {
        return name;
    }

    /** One pass over every shard; its wall time in seconds. */
    public double runOnce() {
        long start = System.nanoTime();
        pass.run();
        return (System.nanoTime() - start) / 1e9;
    }

    @Override
    public void close() {
        try {
            resources.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot close the series " + name, e);
        }
    }
}
