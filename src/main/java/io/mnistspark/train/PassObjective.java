package io.mnistspark.train;

import io.mnistspark.model.NetworkShape;
import io.mnistspark.model.WeightPenalty;
import io.mnistspark.optim.Evaluation;
import io.mnistspark.optim.Objective;

/**
 * The full-batch training objective as an {@link Objective}: the training rows' mean cross-entropy plus the
 * {@link WeightPenalty}. Each evaluation is one {@link FullBatchPass}, which also gives the validation rows'
 * loss and accuracy at the same point. Remembers the last pass (the accepted
 * point of a line search is always its last evaluation) and counts the passes.
 */
final class PassObjective implements Objective {
    private final FullBatchPass pass;
    private final NetworkShape shape;
    private final WeightPenalty penalty;
    private PassSums last;
    private int passes;

    PassObjective(FullBatchPass pass, NetworkShape shape, WeightPenalty penalty) {
        this.pass = pass;
        this.shape = shape;
        this.penalty = penalty;
    }

    @Override
    public Evaluation evaluate(double[] point) {
        last = pass.run(point, true);
        passes++;
        return evaluation(point, last);
    }

    /** The objective and its gradient at {@code point}, from the pass {@code sums} made there. */
    Evaluation evaluation(double[] point, PassSums sums) {
        double[] gradient = sums.train().meanGradient();
        double penaltyValue = penalty.addTo(shape, point, gradient);
        return new Evaluation(sums.train().meanLoss() + penaltyValue, gradient);
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
