package io.mnistspark.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoundPlanTest {

    @Test
    void timesEveryRecordedStepExceptTheOneAfterTheSeries() {
        RoundPlan plan = new RoundPlan(1, 2, 3);
        // rounds: steps 1-3 (warm-up), 4-6 and 7-9 (recorded); series after 3, 6 and 9; two closing updates
        assertEquals(11, plan.updates());
        List<Integer> series = new ArrayList<>();
        List<Integer> timed = new ArrayList<>();
        List<Integer> recordedSeries = new ArrayList<>();
        for (int step = 1; step <= plan.updates(); step++) {
            if (plan.seriesAfter(step)) {
                series.add(step);
                if (plan.recorded(step)) {
                    recordedSeries.add(step);
                }
            }
            if (plan.timed(step)) {
                timed.add(step);
            }
        }
        assertEquals(List.of(3, 6, 9), series);
        assertEquals(List.of(6, 9), recordedSeries);
        assertEquals(List.of(5, 6, 8, 9), timed);
        assertEquals(timed.size(), plan.timedSteps());
    }

    @Test
    void noTimedStepFollowsTheSeriesOrTheOpeningPass() {
        RoundPlan plan = new RoundPlan(0, 5, 2);
        assertFalse(plan.timed(1), "step 1's report also covers the loop's opening pass");
        for (int step = 2; step <= plan.updates(); step++) {
            if (plan.timed(step)) {
                assertFalse(plan.seriesAfter(step - 1), "step " + step + " starts right after the series");
            }
        }
        assertFalse(plan.timed(plan.updates()), "the closing pass has no gradient");
        assertTrue(plan.timed(2));
    }

    @Test
    void refusesPlansWithNothingToTime() {
        assertThrows(IllegalArgumentException.class, () -> new RoundPlan(0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new RoundPlan(0, 0, 4));
        assertThrows(IllegalArgumentException.class, () -> new RoundPlan(-1, 1, 4));
    }
}
