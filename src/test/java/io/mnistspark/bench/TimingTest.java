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
    void noRunsOrNegativeTimesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Timing(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> new Timing(new double[] {1.0, -0.5}));
    }
}
