package io.mnistspark.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Early-stopping rules on made-up validation-loss sequences. */
class EarlyStoppingTest {
    /** The step (1-based) at which the rule stops, or 0 if it never does. */
    private static int stopStep(EarlyStoppingRule rule, double... losses) {
        EarlyStopping stopping = new EarlyStopping(rule);
        for (int i = 0; i < losses.length; i++) {
            stopping.observe(i + 1, losses[i]);
            if (stopping.shouldStop()) {
                return i + 1;
            }
        }
        return 0;
    }

    @Test
    void notebookRuleStopsAtTheFirstRise() {
        assertEquals(4, stopStep(EarlyStoppingRule.notebook(), 5, 4, 3, 3.5, 2, 1));
        assertEquals(0, stopStep(EarlyStoppingRule.notebook(), 5, 4, 3, 2, 1));
    }

    @Test
    void notebookRuleToleratesAnEqualLoss() {
        // the notebook stops only on "higher than the step before"
        assertEquals(0, stopStep(EarlyStoppingRule.notebook(), 5, 4, 4, 3));
    }

    @Test
    void patienceWaitsForThatManyStepsWithoutImprovement() {
        EarlyStoppingRule two = new EarlyStoppingRule(2, 0.0, false);
        assertEquals(0, stopStep(two, 5, 4, 4.5, 3, 3.1, 2.9));
        assertEquals(6, stopStep(two, 5, 4, 4.5, 3, 3.1, 3.2, 1));
        // Keras: patience 1 behaves as 0
        assertEquals(stopStep(EarlyStoppingRule.notebook(), 3, 2, 2.5), stopStep(new EarlyStoppingRule(1, 0, false), 3, 2, 2.5));
    }

    @Test
    void patienceComparesWithTheBestNotThePrevious() {
        // after the rise to 4.5, 4.2 is lower than the step before but not the best (4): still no improvement
        assertEquals(4, stopStep(new EarlyStoppingRule(2, 0.0, false), 5, 4, 4.5, 4.2, 1));
    }

    @Test
    void minDeltaDemandsAMarginOfImprovement() {
        EarlyStoppingRule margin = new EarlyStoppingRule(0, 0.1, false);
        assertEquals(3, stopStep(margin, 5, 4, 3.95));
        assertEquals(0, stopStep(margin, 5, 4, 3.85, 3.7));
    }

    @Test
    void tracksTheBestStep() {
        EarlyStopping stopping = new EarlyStopping(new EarlyStoppingRule(5, 0, true));
        double[] losses = {3, 2, 1.5, 1.7, 1.6};
        for (int i = 0; i < losses.length; i++) {
            stopping.observe(i + 1, losses[i]);
        }
        assertEquals(3, stopping.bestStep());
        assertEquals(1.5, stopping.bestLoss());
    }

    @Test
    void refusesBadRules() {
        assertThrows(IllegalArgumentException.class, () -> new EarlyStoppingRule(-1, 0, false));
        assertThrows(IllegalArgumentException.class, () -> new EarlyStoppingRule(0, -0.1, false));
        EarlyStopping stopping = new EarlyStopping(EarlyStoppingRule.notebook());
        stopping.observe(1, 1.0);
        assertThrows(IllegalArgumentException.class, () -> stopping.observe(1, 0.5));
    }
}
