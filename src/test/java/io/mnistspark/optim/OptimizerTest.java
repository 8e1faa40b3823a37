package io.mnistspark.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Steps worked out by hand from the update rules. */
class OptimizerTest {
    @Test
    void sgdStepsAgainstTheGradient() {
        double[] w = {1.0, -2.0, 0.0};
        new Sgd(0.1).update(w, new double[] {0.5, -0.25, 0.0});
        assertArrayEquals(new double[] {0.95, -1.975, 0.0}, w, 1e-15);
    }

    @Test
    void adamFirstStepIsNearlyLrTimesSignOfGradient() {
        // Step 1: m = (1-b1) g, v = (1-b2) g^2, lr_1 = lr sqrt(1-b2)/(1-b1), so the move is
        // lr * g sqrt(1-b2) / (sqrt(1-b2) |g| + eps).
        double lr = 0.1;
        double[] g = {0.5, -0.002, 0.0};
        double[] w = {1.0, 1.0, 1.0};
        new Adam(AdamSettings.keras(lr), 3).update(w, g);
        double root = Math.sqrt(1 - 0.999);
        for (int i = 0; i < 3; i++) {
            double expected = 1.0 - lr * g[i] * root / (root * Math.abs(g[i]) + 1e-7);
            assertEquals(expected, w[i], 1e-15, "parameter " + i);
        }
    }

    @Test
    void adamSecondStepUsesBiasCorrectedMoments() {
        double lr = 0.01;
        double[] w = {2.0};
        Adam adam = new Adam(AdamSettings.keras(lr), 1);
        adam.update(w, new double[] {1.0});
        adam.update(w, new double[] {3.0});
        // m2 = 0.9*0.1*1 + 0.1*3 = 0.39; v2 = 0.999*0.001*1 + 0.001*9 = 0.009999;
        // lr_2 = lr sqrt(1 - 0.999^2) / (1 - 0.9^2)
        double first = lr * Math.sqrt(0.001) * 1.0 / (Math.sqrt(0.001) + 1e-7);
        double lr2 = lr * Math.sqrt(1 - 0.999 * 0.999) / (1 - 0.81);
        double second = 0.39 * lr2 / (Math.sqrt(0.009999) + 1e-7);
        assertEquals(2.0 - first - second, w[0], 1e-14);
        assertEquals(2, adam.steps());
    }

    @Test
    void adamStateRoundTripsForResume() {
        double[] g = {0.3, -0.7};
        double[] a = {1, 1};
        double[] b = {1, 1};
        Adam straight = new Adam(AdamSettings.keras(0.001), 2);
        straight.update(a, g);
        straight.update(a, g);
        Adam first = new Adam(AdamSettings.keras(0.001), 2);
        first.update(b, g);
        Adam resumed = new Adam(AdamSettings.keras(0.001), 2);
        resumed.restore(first.state());
        resumed.update(b, g);
        assertArrayEquals(a, b, 0.0);
    }

    @Test
    void refusesBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> new Sgd(0));
        assertThrows(IllegalArgumentException.class, () -> new Sgd(-0.1));
        assertThrows(IllegalArgumentException.class, () -> new Sgd(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> AdamSettings.keras(0));
        assertThrows(IllegalArgumentException.class, () -> new AdamSettings(0.1, 1.0, 0.999, 1e-7));
        assertThrows(IllegalArgumentException.class, () -> new Sgd(0.1).update(new double[2], new double[3]));
        assertThrows(IllegalArgumentException.class, () -> OptimizerChoice.parse("rmsprop"));
        assertEquals(OptimizerChoice.ADAM, OptimizerChoice.parse("Adam"));
    }
}
