package io.mnistspark.train;

/**
 * When a run counts as diverged: its training loss or gradient is no longer finite, or its training loss
 * has risen above {@code factor} times the first step's (the loss at the initial parameters). A factor of
 * 0 turns the rise check off; the finiteness check always holds, since no update can follow a NaN.
 *
 * <p>The rise check exists because a finite loss can still explode: SGD at learning rate 1000 on MNIST
 * climbs from 2.6 to several hundred without ever overflowing, and the run would otherwise end looking
 * finished.
 */
public record DivergenceRule(double factor) {
    /** The factor when none is given. */
    public static final double DEFAULT_FACTOR = 10.0;

    /** What {@link #isAllowed} accepts, in words that complete "must be ...". */
    public static final String ALLOWED = "0 (off) or a finite number of at least 1";

    public DivergenceRule {
        if (!isAllowed(factor)) {
            throw new IllegalArgumentException("divergence factor must be " + ALLOWED + ", got " + factor);
        }
    }

    /** Whether {@code factor} makes a rule: 0, or finite and at least 1 (below 1 step 1 itself would diverge). */
    public static boolean isAllowed(double factor) {
        return factor == 0.0 || (factor >= 1.0 && Double.isFinite(factor));
    }

    public static DivergenceRule defaults() {
        return new DivergenceRule(DEFAULT_FACTOR);
    }

    /**
     * The divergence at {@code step}, whose training loss (at the parameters before update {@code step}) is
     * {@code trainLoss} and gradient {@code gradient}, in a run whose step 1 had {@code firstLoss}; null
     * when the step may go on.
     */
    public Divergence check(int step, double trainLoss, double firstLoss, double[] gradient) {
        if (!Double.isFinite(trainLoss)) {
            return new Divergence(step, Divergence.Cause.LOSS_NOT_FINITE, trainLoss, firstLoss, factor);
        }
        if (!allFinite(gradient)) {
            return new Divergence(step, Divergence.Cause.GRADIENT_NOT_FINITE, trainLoss, firstLoss, factor);
        }
        if (factor > 0.0 && trainLoss > factor * firstLoss) {
            return new Divergence(step, Divergence.Cause.LOSS_ROSE, trainLoss, firstLoss, factor);
        }
        return null;
    }

    private static boolean allFinite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
