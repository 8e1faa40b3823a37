package io.mnistspark.bench;

import java.util.Arrays;
import java.util.List;

/**
 * Wall-clock seconds of repeated runs of one thing, after warm-up. The median is the figure to quote: on a
 * machine shared with other work a few runs are slowed by neighbours, and the median ignores them where a
 * mean would not; min and max show the spread.
 */
public record Timing(double[] seconds) {
    public Timing {
        if (seconds.length == 0) {
            throw new IllegalArgumentException("a timing needs at least one measured run");
        }
        seconds = seconds.clone();
        for (double s : seconds) {
            if (!(s >= 0.0) || !Double.isFinite(s)) {
                throw new IllegalArgumentException("a run took " + s + " s; expected a finite, non-negative time");
            }
        }
    }

    public static Timing of(List<Double> seconds) {
        return new Timing(seconds.stream().mapToDouble(Double::doubleValue).toArray());
    }

    public int runs() {
        return seconds.length;
    }

    /** The middle run, or the mean of the two middle runs for an even count. */
    public double median() {
        double[] sorted = sorted();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }

    /**
     * The {@code q} quantile (0 to 1) by linear interpolation between the closest ranks, as numpy's
     * {@code percentile} does by default: 0.9 is the time 90% of the runs did not exceed.
     */
    public double percentile(double q) {
        if (!(q >= 0.0 && q <= 1.0)) {
            throw new IllegalArgumentException("a quantile lies in [0, 1], got " + q);
        }
        double[] sorted = sorted();
        double rank = q * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }

    public double min() {
        return sorted()[0];
    }

    public double max() {
        double[] sorted = sorted();
        return sorted[sorted.length - 1];
    }

    @Override
    public double[] seconds() {
        return seconds.clone();
    }

    private double[] sorted() {
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        return sorted;
    }
}
