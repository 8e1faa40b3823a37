package io.mnistspark.optim;

/** Adam's hyper-parameters; Keras' defaults except the learning rate, which the notebook sets. */
public record AdamSettings(double learningRate, double beta1, double beta2, double epsilon) {
    public AdamSettings {
        if (!(learningRate > 0.0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a positive finite number, got " + learningRate);
        }
        if (!(beta1 >= 0.0 && beta1 < 1.0)) {
            throw new IllegalArgumentException("beta1 must be in [0, 1), got " + beta1);
        }
        if (!(beta2 >= 0.0 && beta2 < 1.0)) {
            throw new IllegalArgumentException("beta2 must be in [0, 1), got " + beta2);
        }
        if (!(epsilon > 0.0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be a positive finite number, got " + epsilon);
        }
    }

    /** b1 0.9, b2 0.999, eps 1e-7: Keras' Adam defaults (not the paper's 1e-8). */
    public static AdamSettings keras(double learningRate) {
        return new AdamSettings(learningRate, 0.9, 0.999, 1e-7);
    }
}
