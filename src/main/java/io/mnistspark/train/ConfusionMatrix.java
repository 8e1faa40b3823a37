package io.mnistspark.train;

import java.io.Serializable;

/** Counts of (true class, predicted class) pairs; rows are the true classes. Integer counts: any merge order gives the same matrix. */
public final class ConfusionMatrix implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int classes;
    private final long[] counts;

    public ConfusionMatrix(int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("need at least one class, got " + classes);
        }
        this.classes = classes;
        this.counts = new long[classes * classes];
    }

    /** Counts one prediction (modifies this). */
    public void add(int actual, int predicted) {
        counts[actual * classes + predicted]++;
    }

    /** Counts {@code count} predictions of one kind at once (modifies this). */
    public void add(int actual, int predicted, long count) {
        if (count < 0) {
            throw new IllegalArgumentException("a count cannot be negative, got " + count);
        }
        counts[actual * classes + predicted] += count;
    }

    /** Adds {@code other}'s counts into this (modifies this) and returns this. */
    public ConfusionMatrix merge(ConfusionMatrix other) {
        if (other.classes != classes) {
            throw new IllegalArgumentException(other.classes + " classes cannot merge into " + classes);
        }
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        return this;
    }

    public int classes() {
        return classes;
    }

    public long count(int actual, int predicted) {
        return counts[actual * classes + predicted];
    }

    public long total() {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        return total;
    }

    public double accuracy() {
        long right = 0;
        for (int c = 0; c < classes; c++) {
            right += count(c, c);
        }
        return (double) right / total();
    }

    /** The matrix as rows of counts, true class first. */
    public long[][] rows() {
        long[][] rows = new long[classes][classes];
        for (int a = 0; a < classes; a++) {
            for (int p = 0; p < classes; p++) {
                rows[a][p] = count(a, p);
            }
        }
        return rows;
    }

    /** A fixed-width table: one row per true class, one column per predicted class. */
    public String format() {
        StringBuilder out = new StringBuilder("true\\pred");
        for (int p = 0; p < classes; p++) {
            out.append(String.format("%6d", p));
        }
        out.append('\n');
        for (int a = 0; a < classes; a++) {
            out.append(String.format("%9d", a));
            for (int p = 0; p < classes; p++) {
                out.append(String.format("%6d", count(a, p)));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
