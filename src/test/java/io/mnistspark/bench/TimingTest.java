package io.mnistspark.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TimingTest {
    @Test
    void medianMinAndMaxOfOddAndEvenCounts() {
        Timing odd = Timing.of(List.of(3.0, 1.0, 2.0));
        assertEquals(2.0, odd.median());
        assertEquals(1.0, odd.min());
        assertEquals(3.0, odd.max());
        assertEquals(2.5, Timing.of(List.of(4.0, 1.0, 3.0, 2.0)).median());
    }

    @Test
    void percentilesInterpolateAsNumpyDoes() {
        // np.percentile([0.3, 0.1, 0.2, 0.5, 0.4, 0.9, 0.7], 90) = 0.78; ([1, 2], 90) = 1.9;
        // ([0.12, 0.1, 0.11, 0.5], 90) = 0.386
        assertEquals(0.78, Timing.of(List.of(0.3, 0.1, 0.2, 0.5, 0.4, 0.9, 0.7)).percentile(0.9), 1e-15);
        assertEquals(1.9, Timing.of(List.of(1.0, 2.0)).percentile(0.9), 1e-15);
        assertEquals(0.386, Timing.of(List.of(0.12, 0.1, 0.11, 0.5)).percentile(0.9), 1e-15);
        Timing one = Timing.of(List.of(0.25));
        assertEquals(0.25, one.percentile(0.9));
        assertEquals(0.25, one.percentile(0.0));
        assertThrows(IllegalArgumentException.class, () -> one.percentile(1.5));
    }

    @Test
    void noRunsOrNegativeTimesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Timing(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> new Timing(new double[] {1.0, -0.5}));
    }
}
