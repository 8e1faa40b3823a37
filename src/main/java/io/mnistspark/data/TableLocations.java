package io.mnistspark.data;

/** What the table formats' location records share: their paths' rules and how they describe themselves. */
final class TableLocations {
    private TableLocations() {
    }

    /** The training path, stripped; refused when blank. */
    static String required(String uri, String format) {
        if (uri == null || uri.isBlank()) {
            throw new IllegalArgumentException(format + " URI must not be blank, got "
                    + (uri == null ? "null" : "\"" + uri + "\""));
        }
        return uri.strip();
    }

    /** The test path, stripped, or null for none (also for blank). */
    static String optional(String uri) {
        return uri == null || uri.isBlank() ? null : uri.strip();
    }

    /**
     * {@code "<uri> (CSV; test data <testUri>)"}, or {@code "(CSV; no test data)"}: the text of logs and run
     * records, which says at once whether the run can be tested.
     */
    static String describe(TableFormat format, String uri, String testUri, String detail) {
        return uri + " (" + format.label() + detail + "; " + (testUri == null ? "no test data" : "test data " + testUri)
                + ")";
    }
}
