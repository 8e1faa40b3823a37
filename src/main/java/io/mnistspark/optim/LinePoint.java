package io.mnistspark.optim;

/**
 * One evaluated point of a line search along direction d from x: {@code point = d * t + x}, its
 * evaluation, and the slope of the loss along d there ({@code gradient . d}).
 */
record LinePoint(double t, double[] point, Evaluation evaluation, double slope) {
    double loss() {
        return evaluation.loss();
    }
}
