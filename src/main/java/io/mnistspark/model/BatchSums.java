package io.mnistspark.model;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;

/**
 * Sums over a set of rows: cross-entropy loss, rows seen, correct argmax predictions and, when asked
 * for, the gradient of the summed loss. Sums, not means: merging is plain addition, so any grouping of
 * rows gives the full-batch mean once the driver divides by the global count.
 *
 * <p>The gradient array is allocated on the first block that needs it, so an empty value is cheap to ship;
 * it is serialized as raw bits ({@link RawDoubles}), since every step ships one per task.
 */
public final class BatchSums implements Serializable {
    private static final long serialVersionUID = 1L;

    private double loss;
    private long rows;
    private long correct;
    private transient double[] gradient;

    /**
     * Sums of no rows that still carry a zero gradient of {@code size} values: as large as a real shard's
     * result on the wire, with no arithmetic behind it (for timing what Spark costs without the kernel).
     */
    public static BatchSums noRows(int size) {
        BatchSums sums = new BatchSums();
        sums.gradient(size);
        return sums;
    }

    /** Adds one row's loss and whether its prediction was right. */
    void addRow(double rowLoss, boolean right) {
        loss += rowLoss;
        rows++;
        if (right) {
            correct++;
        }
    }

    /** The gradient sum, allocated with {@code size} zeros on first use. */
    double[] gradient(int size) {
        if (gradient == null) {
            gradient = new double[size];
        }
        return gradient;
    }

    /** Adds {@code other} into this (modifies this). The order of the additions is this-then-other. */
    public void add(BatchSums other) {
        loss += other.loss;
        rows += other.rows;
        correct += other.correct;
        if (other.gradient != null) {
            double[] g = gradient(other.gradient.length);
            double[] o = other.gradient;
            for (int i = 0; i < g.length; i++) {
                g[i] += o[i];
            }
        }
    }

    public double lossSum() {
        return loss;
    }

    public long rows() {
        return rows;
    }

    public long correct() {
        return correct;
    }

    public boolean hasGradient() {
        return gradient != null;
    }

    public double meanLoss() {
        return loss / rows;
    }

    public double accuracy() {
        return (double) correct / rows;
    }

    /** The full-batch mean gradient: a new array, the sums divided by the row count once. */
    public double[] meanGradient() {
        if (gradient == null) {
            throw new IllegalStateException("no gradient was accumulated");
        }
        double[] mean = new double[gradient.length];
        double n = rows;
        for (int i = 0; i < mean.length; i++) {
            mean[i] = gradient[i] / n;
        }
        return mean;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        RawDoubles.write(out, gradient);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        gradient = RawDoubles.read(in);
    }

    /** The raw gradient sums (shared, not copied); for tests and aggregation. */
    public double[] gradientSums() {
        return gradient;
    }
}
