package io.mnistspark.model;

import io.mnistspark.data.ImageBlock;

/**
 * The loops that hold nearly all of a step's arithmetic, over one chunk of an {@link ImageBlock} at a
 * time. Matrices are flat and row-major: {@code hidden} and {@code dHidden} are chunk rows x
 * {@code hidden units}, {@code logits} chunk rows x classes, W1 lies at the start of {@code params}
 * (inputs x hidden units), {@code w2t} is W2 transposed (classes x hidden units).
 *
 * <p>Two implementations give the same sums up to rounding: plain Java loops, and
 * {@code jdk.incubator.vector} ones used when the JVM has that module (Spark 4.2's launcher adds it to
 * drivers and executors).
 */
interface KernelMath {
    /** {@code hidden = relu(X W1 + b1)} for the chunk's rows. */
    void hiddenLayer(ImageBlock block, int chunk, double[] params, NetworkShape shape, double[] hidden);

    /** {@code logits = hidden W2 + b2} for {@code rows} rows. */
    void logits(double[] hidden, int rows, double[] w2t, double[] b2, NetworkShape shape, double[] logits);

    /** {@code dHidden = (dLogits W2^T)} where {@code hidden > 0}, else 0, for {@code rows} rows. */
    void hiddenGradient(double[] dLogits, double[] hidden, int rows, double[] w2t, NetworkShape shape,
            double[] dHidden);

    /**
     * The second layer's gradient sums over {@code rows} rows: {@code w2tGradient += dLogits^T hidden}
     * (classes x hidden units, W2's gradient transposed), and b2's and b1's gradients in {@code gradient}
     * ({@code += } the column sums of dLogits and dHidden).
     */
    void addSecondLayerGradient(double[] hidden, double[] dLogits, double[] dHidden, int rows, NetworkShape shape,
            double[] w2tGradient, double[] gradient);

    /** {@code gW1 += X^T dHidden} over the chunk's rows; gW1 lies at the start of {@code gradient}. */
    void addW1Gradient(ImageBlock block, int chunk, double[] dHidden, NetworkShape shape, double[] gradient);

    /** Short name for reports: {@code plain} or {@code vector-<bits>}. */
    String name();

    /** The vector implementation when the JVM has {@code jdk.incubator.vector}, else the plain one. */
    static KernelMath best() {
        String forced = System.getProperty("mnistspark.kernel", "");
        if (forced.equals("plain")) {
            return new PlainKernelMath();
        }
        boolean hasVectors = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        if (hasVectors) {
            try {
                // Loaded by name so that a JVM without the module never links the class.
                return (KernelMath) Class.forName("io.mnistspark.model.VectorKernelMath")
                        .getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                if (forced.equals("vector")) {
                    throw new IllegalStateException("mnistspark.kernel=vector but the vector kernel cannot load", e);
                }
            }
        } else if (forced.equals("vector")) {
            throw new IllegalStateException("mnistspark.kernel=vector needs --add-modules jdk.incubator.vector");
        }
        return new PlainKernelMath();
    }
}
