package io.mnistspark.model;

import io.mnistspark.data.ImageBlock;

/**
 * Forward and backward passes of {@code h = relu(x W1 + b1)}, {@code z = h W2 + b2} with softmax
 * cross-entropy over an {@link ImageBlock}, one chunk of rows at a time: the chunk's hidden layer, its
 * logits, then per row the loss and dLoss/dz, then the chunk's gradients. The loops over hidden units go
 * through {@link KernelMath}; the softmax and the bookkeeping are here.
 *
 * <p>Holds scratch space, so one kernel serves one thread; the parameters are only read.
 */
public final class BlockKernel {
    private static final KernelMath DEFAULT_MATH = KernelMath.best();
    private static final int CHUNK_ROWS = ImageBlock.CHUNK_ROWS;

    private final NetworkShape shape;
    private final KernelMath math;
    private final ChunkWorkspace ws;

    public BlockKernel(NetworkShape shape, double[] params) {
        this(shape, params, DEFAULT_MATH);
    }

    BlockKernel(NetworkShape shape, double[] params, KernelMath math) {
        this(shape, params, math, CacheLines.DOUBLE_ORIGIN);
    }

    /** With the workspace's matrices starting at {@code origin}, for tests. */
    BlockKernel(NetworkShape shape, double[] params, KernelMath math, int origin) {
        if (params.length != shape.parameterCount()) {
            throw new IllegalArgumentException("network " + shape + " has " + shape.parameterCount()
                    + " parameters, got an array of " + params.length);
        }
        this.shape = shape;
        this.math = math;
        this.ws = new ChunkWorkspace(shape, params, origin);
    }

    /** Which implementation of the kernel loops this JVM uses: {@code plain} or {@code vector-<bits>}. */
    public static String implementation() {
        return DEFAULT_MATH.name();
    }

    /**
     * Adds the block's loss sum, row count, correct predictions and, if {@code withGradient}, the gradient
     * of its summed loss into {@code sums} (modified in place).
     */
    public void accumulate(ImageBlock block, BatchSums sums, boolean withGradient) {
        checkFeatures(block);
        double[] gradient = withGradient ? sums.gradient(shape.parameterCount()) : null;
        if (withGradient) {
            ws.prepareGradient();
        }
        int nc = shape.classes();
        double[] logits = ws.logits;
        for (int chunk = 0; chunk < block.chunks(); chunk++) {
            int rows = block.chunkRows(chunk);
            int first = chunk * CHUNK_ROWS;
            math.hiddenLayer(block, chunk, ws);
            math.logits(rows, ws);
            for (int i = 0; i < rows; i++) {
                int label = block.label(first + i);
                checkLabel(label, first + i);
                int z = i * nc;
                int best = argmax(z);
                double top = logits[z + best];
                double zLabel = logits[z + label];
                // the logits become exp(z - max z): their sum gives the loss, and softmax(z) = exp / sum
                double sum = exponentiate(z, top);
                sums.addRow(top + Math.log(sum) - zLabel, best == label);
                if (gradient != null) {
                    // dLoss/dz = softmax(z) - onehot(label), in place of the logits
                    for (int c = 0; c < nc; c++) {
                        logits[z + c] /= sum;
                    }
                    logits[z + label] -= 1.0;
                }
            }
            if (gradient != null) {
                math.hiddenGradient(rows, ws);
                math.addSecondLayerGradient(rows, ws, gradient);
                math.addW1Gradient(block, chunk, ws);
            }
        }
        if (gradient != null) {
            ws.drainInto(gradient);
        }
    }

    /** The predicted class (argmax of the logits, first on ties) of every row of the block. */
    public int[] predict(ImageBlock block) {
        checkFeatures(block);
        int[] predicted = new int[block.rows()];
        for (int chunk = 0; chunk < block.chunks(); chunk++) {
            int rows = block.chunkRows(chunk);
            math.hiddenLayer(block, chunk, ws);
            math.logits(rows, ws);
            for (int i = 0; i < rows; i++) {
                predicted[chunk * CHUNK_ROWS + i] = argmax(i * shape.classes());
            }
        }
        return predicted;
    }

    /**
     * Replaces the logits row starting at z by {@code exp(z_c - top)} and returns their sum; with top the
     * largest logit no exp overflows, and {@code top + log(sum)} is log(sum exp z).
     */
    private double exponentiate(int z, double top) {
        double[] logits = ws.logits;
        double sum = 0.0;
        for (int c = 0; c < shape.classes(); c++) {
            double e = Math.exp(logits[z + c] - top);
            logits[z + c] = e;
            sum += e;
        }
        return sum;
    }

    private int argmax(int z) {
        double[] logits = ws.logits;
        int best = 0;
        for (int c = 1; c < shape.classes(); c++) {
            if (logits[z + c] > logits[z + best]) {
                best = c;
            }
        }
        return best;
    }

    private void checkFeatures(ImageBlock block) {
        if (block.features() != shape.inputs()) {
            throw new IllegalArgumentException("block rows have " + block.features()
                    + " pixels but network " + shape + " takes " + shape.inputs() + " inputs");
        }
    }

    private void checkLabel(int label, int r) {
        if (label >= shape.classes()) {
            throw new IllegalArgumentException("row " + r + " has label " + label
                    + " but network " + shape + " has " + shape.classes() + " classes");
        }
    }
}
