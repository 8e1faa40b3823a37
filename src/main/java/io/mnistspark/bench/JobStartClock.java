package io.mnistspark.bench;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.StageInfo;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Records when Spark submitted each job whose stages' call site contains {@code marker} (for MLlib's
 * gradient descent, its {@code treeAggregate} of the gradient: one job per pass), counting only jobs after
 * the last one containing {@code startMarker} (the {@code count} that opens each fit), so late events of an
 * earlier fit are not mixed in. The time from one such job to the next is one whole iteration, update and
 * broadcast included. Times are the scheduler's submission times (milliseconds), so the listener bus's
 * delivery delay does not enter them.
 */
final class JobStartClock extends SparkListener {
    private final String startMarker;
    private final String marker;
    private final List<Long> starts = new ArrayList<>();

    JobStartClock(String startMarker, String marker) {
        this.startMarker = startMarker;
        this.marker = marker;
    }

    @Override
    public void onJobStart(SparkListenerJobStart jobStart) {
        for (StageInfo stage : CollectionConverters.asJava(jobStart.stageInfos())) {
            synchronized (starts) {
                if (stage.name().contains(startMarker)) {
                    starts.clear();
                    return;
                }
                if (stage.name().contains(marker)) {
                    starts.add(jobStart.time());
                    return;
                }
            }
        }
    }

    /**
     * Waits up to {@code timeoutMs} for at least {@code count} matching jobs (events arrive asynchronously),
     * then briefly for stragglers; the submission times seen.
     */
    List<Long> awaitStarts(int count, long timeoutMs) {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (size() < count && System.currentTimeMillis() < deadline) {
            pause(20);
        }
        pause(500);
        synchronized (starts) {
            return new ArrayList<>(starts);
        }
    }

    private int size() {
        synchronized (starts) {
            return starts.size();
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Spark's job events", e);
        }
    }
}
