package io.mnistspark.model;

import io.mnistspark.data.SparseRows;

/**
 * The two loops that hold nearly all of a step's arithmetic: the first layer's forward product over a
 * sparse row, and the first layer's weight gradient over a chunk of rows. Two implementations give the
 * same sums up to rounding: plain Java loops, and {@code jdk.incubator.vector} ones used when the JVM has
 * that module (Spark 4.2's launcher adds it to drivers and executors).
 */
interface HiddenLayerMath {
    /**
     * {@code h = b1 + x W1} for one row (before the ReLU).
     *
     * <p>Shapes: x is 1 x inputs, sparse (entries {@code block.rowStart(r) .. block.rowEnd(r)});
     * {@code w1Rows[k]} is row k of W1 (hidden values); {@code b1} and {@code h} are hidden long.
     */
    void forward(SparseRows block, int r, double[][] w1Rows, double[] b1, double[] h);

    /**
     * {@code gW1 += X^T dH} over the chunk's rows (modifies {@code w1Grad}).
     *
     * <p>Shapes: the chunk is given column-wise, {@code chunk.start(k) .. chunk.start(k + 1)} listing the
     * chunk rows with pixel k nonzero; {@code dHidden[i]} is the hidden-layer gradient of chunk row i
     * (hidden long); {@code w1Grad[k]} is row k of the gradient of W1.
     */
    void accumulateW1Gradient(ChunkColumns chunk, double[][] dHidden, double[][] w1Grad);

    /** Short name for reports: {@code plain} or {@code vector-<bits>}. */
    String name();

    /** The vector implementation when the JVM has {@code jdk.incubator.vector}, else the plain one. */
    static HiddenLayerMath best() {
        String forced = System.getProperty("mnistspark.kernel", "");
        if (forced.equals("plain")) {
            return new PlainHiddenMath();
        }
        boolean hasVectors = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        if (hasVectors) {
            try {
                // Loaded by name so that a JVM without the module never links the class.
                return (HiddenLayerMath) Class.forName("io.mnistspark.model.VectorHiddenMath")
                        .getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                if (forced.equals("vector")) {
                    throw new IllegalStateException("mnistspark.kernel=vector but the vector kernel cannot load", e);
                }
            }
        } else if (forced.equals("vector")) {
            throw new IllegalStateException("mnistspark.kernel=vector needs --add-modules jdk.incubator.vector");
        }
        return new PlainHiddenMath();
    }
}
