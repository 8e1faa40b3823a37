package io.mnistspark.model;

import io.mnistspark.data.ImageBlock;

/**
 * The loops that hold nearly all of a step's arithmetic, over one chunk of an {@link ImageBlock} at a
 * time, reading and writing a {@link ChunkWorkspace} (its layouts are described there).
 *
 * <p>Two implementations give the same sums up to rounding: plain Java loops, and
 * {@code jdk.incubator.vector} ones used when the JVM has that module (Spark 4.2's launcher adds it to
 * drivers and executors).
 */
interface KernelMath {
    /** {@code hidden = relu(X W1 + b1)} for the chunk's rows. */
    void hiddenLayer(ImageBlock block, int chunk, ChunkWorkspace ws);

    /** {@code logits = hidden W2 + b2} for the first {@code rows} rows. */
    void logits(int rows, ChunkWorkspace ws);

    /** {@code dHidden = (dLogits W2^T)} where {@code hidden > 0}, else 0, for {@code rows} rows; dLogits are in {@code logits}. */
    void hiddenGradient(int rows, ChunkWorkspace ws);

    /**
     * The second layer's gradient sums over {@code rows} rows: {@code w2tGradient += dLogits^T hidden}, and
     * b2's and b1's gradients in {@code gradient} ({@code +=} the column sums of dLogits and dHidden).
     */
    void addSecondLayerGradient(int rows, ChunkWorkspace ws, double[] gradient);

    /** {@code w1Gradient += X^T dHidden} over the chunk's rows. */
    void addW1Gradient(ImageBlock block, int chunk, ChunkWorkspace ws);

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
