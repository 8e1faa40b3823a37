package io.mnistspark.train;

import io.mnistspark.optim.Evaluation;
import io.mnistspark.optim.Objective;

/**
 * The full-batch training loss as an {@link Objective}: each evaluation is one {@link FullBatchPass}, which
 * also gives the validation rows' loss and accuracy at the same point. Remembers the last pass (the accepted
 * point of a line search is always its last evaluation) and counts the passes.
 */
final class PassObjective implements Objective {
    private final FullBatchPass pass;
    private PassSums last;
    private int passes;

    PassObjective(FullBatchPass pass) {
        this.pass = pass;
    }

    @Override
    public Evaluation evaluate(double[] point) {
        last = pass.run(point, true);
        passes++;
        return evaluation(last);
    }

    /** The training rows' mean loss and gradient of a pass. */
    static Evaluation evaluation(PassSums sums) {
        return new Evaluation(sums.train().meanLoss(), sums.train().meanGradient());
    }

    /** The sums of the latest evaluation. */
    PassSums last() {
        return last;
    }

    /** Passes made since the last call (and resets the count). */
    int takePasses() {
        int n = passes;
        passes = 0;
        return n;
    }
}
