package io.mnistspark.model;

/** How the first parameters are drawn. Biases start at zero in every scheme, as in the notebook. */
public sealed interface Initialization permits ConstantInit, NormalInit {
    /** A new flat parameter array for {@code shape} (layout in {@link NetworkShape}). */
    double[] create(NetworkShape shape);

    /** Short name used on the command line and in summaries: {@code constant} or {@code normal}. */
    String name();
}
