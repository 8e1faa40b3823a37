package io.mnistspark;

import io.mnistspark.train.StepRecord;
import java.util.List;

/** Histories compared across runs: everything but the wall time, which no two runs share. */
public final class Histories {
    private Histories() {
    }

    /** The same rows with {@code elapsedMs} set to 0, so {@code equals} compares the numbers (and passes) bit for bit. */
    public static List<StepRecord> withoutTimes(List<StepRecord> history) {
        return history.stream().map(r -> new StepRecord(r.step(), r.trainLoss(), r.valLoss(), r.trainAccuracy(),
                r.valAccuracy(), 0, r.passes())).toList();
    }
}
