package io.mnistspark.numpy;

/**
 * The draws of numpy's legacy {@code numpy.random.RandomState(seed)} that the job needs, over {@link Mt19937}:
 * {@code permutation(n)}, which scikit-learn's {@code train_test_split(random_state=seed)} shuffles with, and
 * {@code normal(loc, scale)}, which draws the initial weights a numpy script starts from.
 *
 * <p>Not thread-safe; one instance per sequence, as in numpy.
 */
public final class RandomState {
    private final Mt19937 generator;

    /** numpy's {@code RandomState(seed)} for a seed in [0, 2^32). */
    public RandomState(long seed) {
        this.generator = new Mt19937(seed);
    }

    /** {@code permutation(n)}: the identity shuffled by Fisher-Yates from the last index down. */
    public int[] permutation(int n) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = (int) generator.nextInterval(i);
            int swap = perm[i];
            perm[i] = perm[j];
            perm[j] = swap;
        }
        return perm;
    }

    /** {@code normal(loc, scale)}: {@code loc + scale * standard_normal()}, in numpy's order of operations. */
    public double normal(double loc, double scale) {
        return loc + scale * generator.nextGaussian();
    }
}
