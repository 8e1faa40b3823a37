package io.mnistspark.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The divergence rule's boundaries and its message. */
class DivergenceRuleTest {
    private static final double[] FINITE = {0.5, -2.0, 0.0};

    @Test
    void aLossAboveFactorTimesTheFirstDivergesAndOneAtItDoesNot() {
        DivergenceRule rule = new DivergenceRule(10);
        assertNull(rule.check(5, 25.0, 2.5, FINITE));
        assertNull(rule.check(5, 0.1, 2.5, FINITE));
        Divergence d = rule.check(5, Math.nextUp(25.0), 2.5, FINITE);
        assertEquals(new Divergence(5, Divergence.Cause.LOSS_ROSE, Math.nextUp(25.0), 2.5, 10), d);
        assertNull(new DivergenceRule(1).check(1, 2.5, 2.5, FINITE), "step 1 is never above itself");
    }

    @Test
    void factorZeroTurnsTheRiseCheckOffButNotTheFinitenessCheck() {
        DivergenceRule off = new DivergenceRule(0);
        assertNull(off.check(9, 1e300, 2.5, FINITE));
        assertEquals(Divergence.Cause.LOSS_NOT_FINITE, off.check(9, Double.NaN, 2.5, FINITE).cause());
        assertEquals(Divergence.Cause.LOSS_NOT_FINITE, off.check(9, Double.POSITIVE_INFINITY, 2.5, FINITE).cause());
        Divergence gradient = off.check(9, 3.0, 2.5, new double[] {0.0, Double.NEGATIVE_INFINITY});
        assertEquals(Divergence.Cause.GRADIENT_NOT_FINITE, gradient.cause());
    }

    @Test
    void theMessageNamesTheStepBothLossesTheFactorAndWhatToDo() {
        String rose = new Divergence(7, Divergence.Cause.LOSS_ROSE, 31.25, 2.5, 10).message();
        assertEquals("Step: 7, training diverged: the training loss 31.25 is above 10.0 times step 1's 2.5 "
                + "(divergence factor 10.0); stopped before update 7. Try a smaller learning rate (--learning-rate, "
                + "the stepSize param), or --divergence-factor 0 to let the loss rise.", rose);
        String nan = new Divergence(2, Divergence.Cause.LOSS_NOT_FINITE, Double.NaN, 2.5, 0).message();
        assertTrue(nan.startsWith("Step: 2, training diverged: the training loss is not finite (nan; step 1's was 2.5)"),
                nan);
        assertTrue(nan.endsWith("Try a smaller learning rate (--learning-rate, the stepSize param)."), nan);
        String gradient = new Divergence(3, Divergence.Cause.GRADIENT_NOT_FINITE, 4.0, 2.5, 10).message();
        assertTrue(gradient.contains("the gradient is not finite (training loss 4.0; step 1's was 2.5)"), gradient);
        assertEquals(1, rose.lines().count());
    }

    @Test
    void factorsBelowOneNegativeOrNotFiniteAreRefused() {
        for (double bad : new double[] {0.5, -1.0, 0.999, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DivergenceRule(bad));
            assertEquals("divergence factor must be 0 (off) or a finite number of at least 1, got " + bad,
                    e.getMessage());
        }
        assertEquals(1.0, new DivergenceRule(1).factor());
        assertEquals(10.0, DivergenceRule.defaults().factor());
    }
}
