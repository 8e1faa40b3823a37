package io.mnistspark.cli;

import io.mnistspark.data.DataException;
import io.mnistspark.report.OutputException;
import java.io.PrintWriter;

/**
 * Turns an exception from a command into one line on stderr and an exit code: settings 2, input data 3,
 * output directory 4, anything else 1. Spark wraps failures of executor tasks, so the cause chain is
 * searched for the job's own exceptions. Stack traces only with --verbose.
 */
final class Failures {
    private Failures() {
    }

    static int report(Exception ex, PrintWriter err, boolean verbose) {
        Throwable cause = rootOfInterest(ex);
        int code;
        String kind;
        if (cause instanceof SettingsException) {
            code = ExitCode.USAGE;
            kind = "error";
        } else if (cause instanceof DataException) {
            code = ExitCode.BAD_DATA;
            kind = "data error";
        } else if (cause instanceof OutputException) {
            code = ExitCode.BAD_OUTPUT;
            kind = "output error";
        } else {
            code = ExitCode.FAILED;
            kind = "failed";
        }
        String message = cause.getMessage() == null ? cause.getClass().getName() : cause.getMessage();
        err.println(kind + ": " + message.lines().findFirst().orElse(""));
        if (verbose) {
            ex.printStackTrace(err);
        } else if (code == ExitCode.FAILED) {
            err.println("(run again with --verbose for the stack trace)");
        }
        err.flush();
        return code;
    }

    /** Our own exception anywhere in the chain (Spark wraps executor failures), else the outermost. */
    private static Throwable rootOfInterest(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof SettingsException || t instanceof DataException || t instanceof OutputException) {
                return t;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return ex;
    }
}
