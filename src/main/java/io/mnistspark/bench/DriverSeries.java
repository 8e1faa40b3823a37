package io.mnistspark.bench;

import java.util.function.IntFunction;

/**
 * One kind of pass timed on the driver (the kernel or the dense reference, on some number of threads):
 * each {@link #runOnce()} runs the work over every shard and returns its wall time in seconds.
 */
public final class DriverSeries implements AutoCloseable {
    private final String name;
    private final ShardRunner runner;
    private final IntFunction<?> work;

    DriverSeries(String name, ShardRunner runner, IntFunction<?> work) {
        this.name = name;
        this.runner = runner;
        this.work = work;
    }

    public String name() {
        return name;
    }

    /** Threads the pass runs on (at most one per shard). */
    public int threads() {
        return runner.threads();
    }

    /** One pass over every shard; its wall time in seconds. */
    public double runOnce() {
        long start = System.nanoTime();
        runner.pass(work);
        return (System.nanoTime() - start) / 1e9;
    }

    @Override
    public void close() {
        runner.close();
    }
}
