package io.mnistspark.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** L-BFGS without Spark: its failure rule, its state, and the refusals of bad settings and saved states. */
class LbfgsTest {

    /** f(x) = sum_i (i + 1) (x_i - 1)^2: minimum 0 at x = 1. */
    private static final Objective BOWL = point -> {
        double loss = 0;
        double[] gradient = new double[point.length];
        for (int i = 0; i < point.length; i++) {
            loss += (i + 1) * (point[i] - 1) * (point[i] - 1);
            gradient[i] = 2 * (i + 1) * (point[i] - 1);
        }
        return new Evaluation(loss, gradient);
    };

    @Test
    void aQuadraticBowlIsSolvedAndTheMemoryHoldsAtMostMPairs() {
        Lbfgs lbfgs = new Lbfgs(2, 4);
        double[] x = new double[4];
        Evaluation current = BOWL.evaluate(x);
        for (int i = 0; i < 40 && current.loss() > 1e-20; i++) {
            Lbfgs.Iteration it = lbfgs.iterate(x, current, BOWL);
            assertFalse(it.failed(), it.failure());
            assertTrue(it.evaluation().loss() <= current.loss(), "the line search only accepts decrease");
            current = it.evaluation();
            assertTrue(lbfgs.state().moments().length <= 4, "2 pairs of s and y at most");
        }
        assertEquals(0.0, current.loss(), 1e-14);
        assertArrayEquals(new double[] {1, 1, 1, 1}, x, 1e-7);
    }

    @Test
    void anObjectiveThatIsNotFiniteAwayFromXFailsTwiceAndLeavesXAlone() {
        Objective cliff = point -> new Evaluation(Double.NaN, new double[point.length]);
        Lbfgs lbfgs = new Lbfgs(10, 3);
        double[] x = {0.5, -2, 3};
        Lbfgs.Iteration it = lbfgs.iterate(x, BOWL.evaluate(x), cliff);
        assertTrue(it.failed());
        // each attempt halves the trial step 10 times, one evaluation each, then gives up
        assertEquals(20, it.evaluations());
        assertTrue(it.failure().contains("no step in 10 trials") && it.failure().contains("again along -g"),
                it.failure());
        assertArrayEquals(new double[] {0.5, -2, 3}, x);
        assertEquals(0, lbfgs.steps());
    }

    @Test
    void stateRoundTripsAndBadStatesAndSettingsAreRefused() {
        Lbfgs lbfgs = new Lbfgs(3, 2);
        double[] x = {4, -4};
        Evaluation current = BOWL.evaluate(x);
        for (int i = 0; i < 2; i++) {
            current = lbfgs.iterate(x, current, BOWL).evaluation();
        }
        OptimizerState saved = lbfgs.state();
        assertEquals(2, saved.steps());
        assertEquals(4, saved.moments().length);
        Lbfgs copy = new Lbfgs(3, 2);
        copy.restore(saved);
        double[] a = x.clone();
        double[] b = x.clone();
        Evaluation fromOriginal = lbfgs.iterate(a, current, BOWL).evaluation();
        Evaluation fromCopy = copy.iterate(b, current, BOWL).evaluation();
        assertArrayEquals(a, b, 0.0);
        assertEquals(fromOriginal.loss(), fromCopy.loss(), 0.0);

        assertEquals("L-BFGS memory must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> new Lbfgs(0, 2)).getMessage());
        Lbfgs fresh = new Lbfgs(1, 2);
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> fresh.restore(new OptimizerState(1, new double[][] {{1, 2}}))).getMessage()
                .contains("an even number of arrays, at most 2"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> fresh.restore(saved)).getMessage().contains("the saved state has 4"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> fresh.restore(new OptimizerState(1, new double[][] {{1}, {2}}))).getMessage()
                .contains("need 2 values"));
        assertThrows(IllegalArgumentException.class, () -> fresh.iterate(new double[3], BOWL.evaluate(new double[3]), BOWL));
        assertThrows(IllegalArgumentException.class, () -> OptimizerChoice.LBFGS.create(0.001, 2));
    }
}
