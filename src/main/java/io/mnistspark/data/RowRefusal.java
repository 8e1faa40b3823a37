package io.mnistspark.data;

/**
 * A row a table format's reader cannot turn into {@code (features, label)}, such as a CSV cell that is not
 * a number. Thrown lazily, while the row is read, so the scan that reads it ({@link TableScan}) can name
 * the row by its number in the file; the layout pass never meets one unless the file changed in between.
 */
final class RowRefusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String subject;
    private final String advice;

    /**
     * @param subject what is wrong with the row, e.g. {@code "column 'pixel3' holds 'x', not a number"}
     * @param advice  what it must be instead
     */
    RowRefusal(String subject, String advice) {
        super(subject + "; " + advice);
        this.subject = subject;
        this.advice = advice;
    }

    String subject() {
        return subject;
    }

    String advice() {
        return advice;
    }
}
