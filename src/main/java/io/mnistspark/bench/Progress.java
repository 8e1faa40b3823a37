package io.mnistspark.bench;

import java.io.PrintWriter;

/**
 * Progress lines on stderr while a phase runs (each takes seconds to minutes), so stdout keeps only the
 * report.
 */
public final class Progress {
    private final PrintWriter err;
    private String phase = "";
    private long phaseStart = System.nanoTime();
    private long lastPrint;

    /** @param err the command's error writer; flushed after each line, so a phase shows as it starts */
    public Progress(PrintWriter err) {
        this.err = err;
    }

    /** Starts a named phase and says so. */
    public void phase(String name) {
        phase = name;
        phaseStart = System.nanoTime();
        lastPrint = 0;
        err.println("[bench] " + name + " ...");
        err.flush();
    }

    /** Run {@code done} of {@code total} of the current phase has finished; prints at most every 2 seconds. */
    public void tick(int done, int total) {
        long now = System.nanoTime();
        if (done == total || now - lastPrint > 2_000_000_000L) {
            lastPrint = now;
            err.printf("[bench]   %s: %d/%d (%.1f s)%n", phase, done, total, (now - phaseStart) / 1e9);
            err.flush();
        }
    }

    /** A one-line note (what was found, what is skipped). */
    public void note(String text) {
        err.println("[bench]   " + text);
        err.flush();
    }
}
