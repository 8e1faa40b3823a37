package io.mnistspark.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The L2 penalty on a 2-2-2 network, worked by hand: weights penalised, biases not. */
class WeightPenaltyTest {
    // layout: W1 (2x2) at 0..3, b1 at 4..5, W2 (2x2) at 6..9, b2 at 10..11
    private static final NetworkShape SHAPE = new NetworkShape(2, 2, 2);
    private static final double[] PARAMS = {1, -2, 3, 0.5, 100, -100, -1, 2, 0, 4, 50, -50};

    @Test
    void thePenaltyIsHalfRegParamTimesTheSquaredWeightsAndItsGradientRegParamTimesEachWeight() {
        double[] gradient = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
        double value = new WeightPenalty(0.5).addTo(SHAPE, PARAMS, gradient);
        // squared weights: W1 1 + 4 + 9 + 0.25 = 14.25, W2 1 + 4 + 0 + 16 = 21; the biases' 100s and 50s left out
        assertEquals(0.25 * 35.25, value, 0.0);
        assertArrayEquals(new double[] {1.5, 0, 2.5, 1.25, 1, 1, 0.5, 2, 1, 3, 1, 1}, gradient, 0.0);
    }

    @Test
    void noPenaltyLeavesTheGradientsBitsAlone() {
        double[] gradient = {-0.0, 1e-300, Double.MIN_VALUE, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        double[] before = gradient.clone();
        assertEquals(0.0, WeightPenalty.NONE.addTo(SHAPE, PARAMS, gradient));
        for (int i = 0; i < gradient.length; i++) {
            assertEquals(Double.doubleToRawLongBits(before[i]), Double.doubleToRawLongBits(gradient[i]), "entry " + i);
        }
    }

    @Test
    void aNegativeOrNonFiniteWeightIsRefused() {
        for (double bad : new double[] {-1e-9, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new WeightPenalty(bad));
            assertTrue(e.getMessage().contains("0 or more, got " + bad), e.getMessage());
        }
    }
}
