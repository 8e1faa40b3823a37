package io.mnistspark.bench;

/**
 * The largest relative difference between two sets of loss and gradient sums: |a - b| / max(|b|, tiny) for
 * the loss, and max |a_i - b_i| / max |b_i| over the gradient (entries near zero would make an entrywise
 * relative error meaningless).
 */
final class SumsComparison {
    private SumsComparison() {
    }

    static double relativeDifference(double lossA, double[] gradientA, double lossB, double[] gradientB) {
        if (gradientA.length != gradientB.length) {
            throw new IllegalArgumentException("gradients of " + gradientA.length + " and " + gradientB.length
                    + " entries");
        }
        double loss = Math.abs(lossA - lossB) / Math.max(Math.abs(lossB), Double.MIN_NORMAL);
        double scale = 0.0;
        double diff = 0.0;
        for (int i = 0; i < gradientB.length; i++) {
            scale = Math.max(scale, Math.abs(gradientB[i]));
            diff = Math.max(diff, Math.abs(gradientA[i] - gradientB[i]));
        }
        return Math.max(loss, diff / Math.max(scale, Double.MIN_NORMAL));
    }
}
