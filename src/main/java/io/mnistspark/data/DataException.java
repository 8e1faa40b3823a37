package io.mnistspark.data;

/**
 * Input data that cannot be used: missing, unreadable, malformed, or inconsistent.
 *
 * <p>Unchecked because neither the driver nor an executor can do anything useful with a bad dataset
 * except stop and tell the user; callers that want to report it catch it at the command boundary.
 * The message is always one line, {@code "<file or location>: <what is wrong>[; <what to do>]"}, so it
 * survives log aggregation and Spark's task-failure summaries intact; line breaks coming from a cause's
 * message (Hadoop's can span lines) are folded into spaces.
 */
public final class DataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DataException(String message) {
        super(oneLine(message));
    }

    DataException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
