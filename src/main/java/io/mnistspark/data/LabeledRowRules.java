package io.mnistspark.data;

import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;

/** What makes one labeled row unusable, for {@link LabeledRowScan}; the wording both its callers show. */
final class LabeledRowRules {
    static final String SAME_SIZE = "every row needs the same number of features";

    private LabeledRowRules() {
    }

    /**
     * The row's fault, or null: features null, of a size other than {@code features} (when that is not -1)
     * or not finite; label null, or not a whole number in {@code [0, classLimit)}; validation flag null.
     */
    static RowFault fault(Row row, Vector vector, String[] columns, String[] subjects, int classLimit,
            String classNote, int features, long position) {
        if (vector == null) {
            return new RowFault(position, subjects[0] + " is null", "every row needs its features",
                    describe(row, null, columns));
        }
        if (features >= 0 && vector.size() != features) {
            return new RowFault(position, subjects[0] + ": vectors of different sizes, " + features + " and "
                    + vector.size(), SAME_SIZE, describe(row, vector, columns));
        }
        double[] values = vector.toSparse().values();
        for (double value : values) {
            if (!Double.isFinite(value)) {
                return new RowFault(position, subjects[0] + " holds " + value, "features must be finite numbers",
                        describe(row, vector, columns));
            }
        }
        if (row.isNullAt(1)) {
            return new RowFault(position, subjects[1] + " is null", "every row needs its label",
                    describe(row, vector, columns));
        }
        double label = ((Number) row.get(1)).doubleValue();
        if (!(label >= 0 && label < classLimit && label == Math.rint(label))) {
            return new RowFault(position, subjects[1] + " holds " + label, "labels must be whole class indexes 0.."
                    + (classLimit - 1) + classNote, describe(row, vector, columns));
        }
        if (columns.length == 3 && row.isNullAt(2)) {
            return new RowFault(position, subjects[2] + " is null", "it must be true or false",
                    describe(row, vector, columns));
        }
        return null;
    }

    /** The row's values for a message, each cut short: {@code "(features=..., label=2.5)"}. */
    static String describe(Row row, Vector features, String[] columns) {
        StringBuilder out = new StringBuilder("(");
        for (int c = 0; c < columns.length; c++) {
            Object value = c == 0 ? features : row.get(c);
            String text = String.valueOf(value);
            out.append(c > 0 ? ", " : "").append(columns[c]).append('=')
                    .append(text.length() > 80 ? text.substring(0, 77) + "..." : text);
        }
        return out.append(')').toString();
    }
}
