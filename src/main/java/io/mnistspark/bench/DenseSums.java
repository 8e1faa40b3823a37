package io.mnistspark.bench;

/**
 * The dense reference's sums over a set of rows: loss, rows, correct predictions and the gradient of the
 * summed loss (the same meaning as {@code model.BatchSums}, kept apart so the reference shares no code with
 * the kernel it is compared with).
 */
public final class DenseSums {
    private double loss;
    private long rows;
    private long correct;
    private double[] gradient;

    void addRows(double lossSum, long count, long right) {
        loss += lossSum;
        rows += count;
        correct += right;
    }

    /** The gradient sum, allocated with {@code size} zeros on first use. */
    double[] gradient(int size) {
        if (gradient == null) {
            gradient = new double[size];
        }
        return gradient;
    }

    /** Adds {@code other} into this (modifies this). */
    public void add(DenseSums other) {
        addRows(other.loss, other.rows, other.correct);
        if (other.gradient != null) {
            double[] g = gradient(other.gradient.length);
            for (int i = 0; i < g.length; i++) {
                g[i] += other.gradient[i];
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

    /** The raw gradient sums (shared, not copied), or null if none was accumulated. */
    public double[] gradientSums() {
        return gradient;
    }
}
