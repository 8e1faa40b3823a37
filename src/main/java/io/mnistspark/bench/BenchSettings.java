package io.mnistspark.bench;

/**
 * What the bench measures and how often. Immutable, checked on construction.
 *
 * @param warmup      unrecorded rounds before the recorded ones (lets the JIT compile the hot loops), and
 *                    whether MLlib gets an unrecorded fit
 * @param steps       recorded rounds: {@code roundSteps} job steps, then one pass of each driver-side series
 * @param roundSteps  consecutive job steps per round (at least 2; the first of each round is not timed)
 * @param treeDepth   depth of {@code treeAggregate} in the step loop, as in {@code train}
 * @param dense       whether to time the dense dgemm reference
 * @param denseChunkRows rows per matrix product in the dense reference
 * @param mllib       whether to time Spark MLlib's {@code MultilayerPerceptronClassifier}
 * @param mllibBlockSize rows MLlib stacks into one matrix ({@code setBlockSize})
 * @param mllibRepeats how many times each MLlib fit (1 and 2 iterations) is timed
 * @param mllibIterations iterations of the MLlib fit timed iteration by iteration (at least 3)
 */
public record BenchSettings(int warmup, int steps, int roundSteps, int treeDepth, boolean dense, int denseChunkRows, boolean mllib,
        int mllibBlockSize, int mllibRepeats, int mllibIterations) {
    public BenchSettings {
        if (warmup < 0) {
            throw new IllegalArgumentException("warm-up runs cannot be negative, got " + warmup);
        }
        if (steps < 1) {
            throw new IllegalArgumentException("at least one measured step is needed, got " + steps);
        }
        if (roundSteps < 2) {
            throw new IllegalArgumentException("a round needs at least 2 job steps, got " + roundSteps);
        }
        if (treeDepth < 1) {
            throw new IllegalArgumentException("tree depth must be at least 1, got " + treeDepth);
        }
        if (denseChunkRows < 1) {
            throw new IllegalArgumentException("dense chunks need at least 1 row, got " + denseChunkRows);
        }
        if (mllibBlockSize < 1) {
            throw new IllegalArgumentException("MLlib block size must be at least 1, got " + mllibBlockSize);
        }
        if (mllibRepeats < 1) {
            throw new IllegalArgumentException("MLlib fits must be timed at least once, got " + mllibRepeats);
        }
        if (mllibIterations < 3) {
            throw new IllegalArgumentException("the MLlib fit timed by iteration needs at least 3 iterations, got "
                    + mllibIterations);
        }
    }

    /** The rounds of the step loop these settings ask for. */
    public RoundPlan plan() {
        return new RoundPlan(warmup, steps, roundSteps);
    }
}
