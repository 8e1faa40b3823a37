package io.mnistspark.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Runs one piece of work per shard on the driver, on a fixed number of threads, one whole pass at a time
 * over all shards: the way {@code local[N]} runs one task per shard on N cores, without Spark in between.
 * With one thread the shards run one after the other.
 */
final class ShardRunner implements AutoCloseable {
    private final int shards;
    private final int threads;
    private final ExecutorService pool;

    ShardRunner(int shards, int threads) {
        if (shards < 1 || threads < 1) {
            throw new IllegalArgumentException("need at least one shard and one thread, got " + shards + " shards, "
                    + threads + " threads");
        }
        this.shards = shards;
        this.threads = Math.min(threads, shards);
        this.pool = this.threads == 1 ? null : Executors.newFixedThreadPool(this.threads, runnable -> {
            Thread thread = new Thread(runnable, "bench-shard");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Threads actually used: at most one per shard. */
    int threads() {
        return threads;
    }

    /** One pass: {@code work} on every shard; the results in shard order. */
    <T> List<T> pass(IntFunction<T> work) {
        List<T> results = new ArrayList<>(shards);
        if (pool == null) {
            for (int s = 0; s < shards; s++) {
                results.add(work.apply(s));
            }
            return results;
        }
        List<Future<T>> futures = new ArrayList<>(shards);
        for (int s = 0; s < shards; s++) {
            int shard = s;
            futures.add(pool.submit(() -> work.apply(shard)));
        }
        for (Future<T> future : futures) {
            try {
                results.add(future.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while timing", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("a shard failed while timing: " + e.getCause(), e.getCause());
            }
        }
        return results;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
