package io.mnistspark.cli;

/** The job's exit codes, listed in the README's "when things go wrong". */
public final class ExitCode {
    /** Finished; outputs written. */
    public static final int OK = 0;
    /** The run failed while running (diverged, Spark failure, unexpected error). */
    public static final int FAILED = 1;
    /** Bad command line or settings; nothing was started or written. */
    public static final int USAGE = 2;
    /** The input data is missing, unreadable or malformed; nothing was written. */
    public static final int BAD_DATA = 3;
    /** The output location cannot take the run; nothing was written. */
    public static final int BAD_OUTPUT = 4;

    private ExitCode() {
    }
}
