package io.mnistspark.optim;

/**
 * What an optimizer carries between steps: the update count and its per-parameter moment arrays
 * (none for SGD; Adam's first and second moments, in that order).
 */
public record OptimizerState(long steps, double[][] moments) {
    public OptimizerState {
        if (steps < 0) {
            throw new IllegalArgumentException("step count cannot be negative, got " + steps);
        }
        moments = copy(moments);
    }

    @Override
    public double[][] moments() {
        return copy(moments);
    }

    private static double[][] copy(double[][] arrays) {
        double[][] out = new double[arrays.length][];
        for (int i = 0; i < arrays.length; i++) {
            out[i] = arrays[i].clone();
        }
        return out;
    }
}
