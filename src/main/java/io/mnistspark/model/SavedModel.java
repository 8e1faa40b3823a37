package io.mnistspark.model;

/** A network's shape and its flat parameters, as loaded from disk. */
public record SavedModel(NetworkShape shape, double[] params) {
    public SavedModel {
        if (params.length != shape.parameterCount()) {
            throw new IllegalArgumentException("network " + shape + " has " + shape.parameterCount()
                    + " parameters, got " + params.length);
        }
    }
}
