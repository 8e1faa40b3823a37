package io.mnistspark.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mnistspark.SparkTestSession;
import io.mnistspark.report.HistoryParquet;
import io.mnistspark.train.StepRecord;
import java.util.List;

/** Reading a run's {@code history.parquet} back and comparing two runs' histories step by step. */
final class Histories {
    /** Relative tolerance; shard sums are added in a fixed order, so the values are in fact bitwise equal. */
    static final double RELATIVE_TOLERANCE = 1e-12;

    private Histories() {
    }

    /** The rows of run {@code run} in {@code historyPath} (any Hadoop URI), read with the shared local session. */
    static List<StepRecord> read(String historyPath, String run) {
        return HistoryParquet.read(SparkTestSession.get(), historyPath, run);
    }

    /**
     * Asserts the same steps with the same losses and accuracies within {@link #RELATIVE_TOLERANCE}
     * (elapsed times are wall clock and not compared).
     */
    static void assertSame(List<StepRecord> expected, List<StepRecord> actual, int steps) {
        assertEquals(steps, expected.size(), "steps in the reference history");
        assertEquals(steps, actual.size(), "steps in the cluster history");
        for (int i = 0; i < steps; i++) {
            StepRecord e = expected.get(i);
            StepRecord a = actual.get(i);
            assertEquals(e.step(), a.step(), "step number of row " + i);
            assertClose(e.trainLoss(), a.trainLoss(), "train_loss at step " + e.step());
            assertClose(e.valLoss(), a.valLoss(), "val_loss at step " + e.step());
            assertClose(e.trainAccuracy(), a.trainAccuracy(), "train_accuracy at step " + e.step());
            assertClose(e.valAccuracy(), a.valAccuracy(), "val_accuracy at step " + e.step());
        }
    }

    private static void assertClose(double expected, double actual, String what) {
        assertTrue(Double.isFinite(expected), what + " of the reference is " + expected);
        double scale = Math.max(Math.abs(expected), Math.abs(actual));
        assertTrue(Math.abs(expected - actual) <= RELATIVE_TOLERANCE * scale,
                what + ": expected " + expected + " but the cluster run gave " + actual);
    }
}
