package io.mnistspark.data;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * The property every fuzz case must have: reading the file either loads it or is refused with a
 * {@link DataException} (which the command line turns into exit 3) whose message is one line naming the
 * file; no other exception escapes; the reading thread allocates at most {@link #ALLOCATION_BASE} plus
 * {@link #ALLOCATION_FACTOR} times the bytes of the files read (so no size read from a header is trusted
 * before it is checked against the file); and the case ends within {@link #TIME_LIMIT_SECONDS}
 * ({@link #SPARK_TIME_LIMIT_SECONDS} through Spark).
 *
 * <p>Allocation is counted by the JVM for the current thread ({@code com.sun.management.ThreadMXBean}), so
 * it is exact for the readers that run on it (IDX and npz); a Spark job's tasks run on other threads, and
 * those cases check everything but the allocation.
 */
final class FuzzCheck {
    /** Room for the fixed costs of one read: Hadoop's streams, 64 KiB buffers, an npy header of up to 64 KiB. */
    static final long ALLOCATION_BASE = 4L << 20;
    /** Per byte of input: labels become 4-byte ints, the label array may double as it grows, messages. */
    static final int ALLOCATION_FACTOR = 16;
    static final double TIME_LIMIT_SECONDS = 5.0;
    /**
     * For a read through Spark: a few small jobs, well under a second each on a quiet machine, but this machine's
     * two cores are shared; the limit is there to catch a read that hangs or loops.
     */
    static final double SPARK_TIME_LIMIT_SECONDS = 30.0;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private FuzzCheck() {
    }

    enum Outcome { LOADED, REFUSED }

    /** What a family's cases did, printed with the test's output (the figures the README quotes). */
    static final class Tally {
        private final String family;
        int loaded;
        int refused;
        long maxAllocated;
        double maxAllocatedPerInputByte;
        double maxSeconds;

        Tally(String family) {
            this.family = family;
        }

        int cases() {
            return loaded + refused;
        }

        String summary() {
            String allocation = maxAllocated == 0 ? "allocation not counted (Spark's task threads)" : String.format(
                    Locale.ROOT, "most allocated by one case %.2f MiB (%.0f bytes per input byte at most)",
                    maxAllocated / 1048576.0, maxAllocatedPerInputByte);
            return String.format(Locale.ROOT, "%s: %d cases, %d loaded, %d refused; %s; slowest case %.3f s", family,
                    cases(), loaded, refused, allocation, maxSeconds);
        }
    }

    /**
     * Runs one case and checks the property.
     *
     * @param what       the case, for failure messages (its replay line and what was done to the file)
     * @param inputBytes the bytes of the files read, as stored
     * @param names      the names of the files the case changed; a refusal must name one of them
     * @param allocation whether the reader runs on this thread, so its allocation can be counted (else it is a
     *                   read through Spark, held to {@link #SPARK_TIME_LIMIT_SECONDS})
     */
    static Outcome loadsOrRefuses(String what, Tally tally, long inputBytes, List<String> names, boolean allocation,
            Callable<?> read) {
        long allocatedBefore = THREADS.getCurrentThreadAllocatedBytes();
        long t0 = System.nanoTime();
        Outcome outcome;
        DataException refusal = null;
        try {
            read.call();
            outcome = Outcome.LOADED;
        } catch (Throwable e) {
            refusal = dataException(e);
            if (refusal == null) {
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                fail(what + ": neither loaded nor refused as bad data, but " + trace);
            }
            outcome = Outcome.REFUSED;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - allocatedBefore;
        if (refusal != null) {
            String message = refusal.getMessage();
            assertTrue(!message.isEmpty() && message.lines().count() == 1 && !message.contains("\tat "),
                    what + ": the refusal must be one line: " + message);
            assertTrue(names.stream().anyMatch(message::contains), what + ": the refusal must name " + names + ": "
                    + message);
        }
        double limit = allocation ? TIME_LIMIT_SECONDS : SPARK_TIME_LIMIT_SECONDS;
        assertTrue(seconds <= limit, what + ": took " + seconds + " s, more than " + limit);
        if (allocation) {
            long most = ALLOCATION_BASE + ALLOCATION_FACTOR * inputBytes;
            assertTrue(allocated <= most, what + ": allocated " + allocated + " bytes reading " + inputBytes
                    + " (at most " + most + " allowed)" + (refusal == null ? "" : "; refused: " + refusal.getMessage()));
            tally.maxAllocated = Math.max(tally.maxAllocated, allocated);
            tally.maxAllocatedPerInputByte = Math.max(tally.maxAllocatedPerInputByte,
                    allocated / (double) Math.max(1, inputBytes));
        }
        tally.maxSeconds = Math.max(tally.maxSeconds, seconds);
        if (outcome == Outcome.LOADED) {
            tally.loaded++;
        } else {
            tally.refused++;
        }
        return outcome;
    }

    /** The job's own refusal anywhere in the cause chain (Spark wraps what its tasks throw), as the CLI finds it. */
    static DataException dataException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataException data) {
                return data;
            }
        }
        return null;
    }
}
