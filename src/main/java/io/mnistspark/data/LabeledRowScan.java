package io.mnistspark.data;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;

/**
 * One pass of checks over labeled rows before they are packed into blocks, shared by Spark ML's
 * {@code fit} and the command line's table formats so both refuse the same rows: each row is
 * {@code (features Vector, label number[, validation boolean])}; features must be present, finite and of
 * one size, labels present whole class indexes below a limit, the validation flag present. Each partition
 * scans its own rows ({@link #of}), stopping at the first fault; the driver {@link #combine}s the scans in
 * partition order, so the fault reported is the first in row order and its position counts from the first
 * row of the input.
 */
public final class LabeledRowScan implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String[] columns;
    private final String[] subjects;
    private final int classLimit;
    private final String classNote;
    private final boolean keepLabels;
    private int features;
    private String firstRow;
    private long rows;
    private long validationRows;
    private double maxLabel;
    private int[] labels = new int[0];
    private RowFault fault;

    /**
     * An empty scan.
     *
     * @param columns          the row's column names, for row descriptions: features, label[, validation flag]
     * @param subjects         how messages name those columns, e.g. {@code "featuresCol 'features'"}
     * @param classLimit       labels must be below it
     * @param classNote        said after the label rule, e.g. {@code " (its attribute declares 3 classes)"}, or empty
     * @param expectedFeatures the vector size every row must have, or -1 for the first row's
     * @param keepLabels       whether to keep every label (the command line needs them, a fit does not)
     */
    public LabeledRowScan(String[] columns, String[] subjects, int classLimit, String classNote, int expectedFeatures,
            boolean keepLabels) {
        this.columns = columns.clone();
        this.subjects = subjects.clone();
        this.classLimit = classLimit;
        this.classNote = classNote;
        this.keepLabels = keepLabels;
        this.features = expectedFeatures;
    }

    /** This scan's settings over {@code rows}: what one partition returns. */
    public LabeledRowScan of(Iterator<Row> rows) {
        LabeledRowScan scan = empty();
        while (rows.hasNext() && scan.add(rows.next())) {
            // add stops at the first fault
        }
        return scan;
    }

    /** An empty scan with this one's settings. */
    public LabeledRowScan empty() {
        return new LabeledRowScan(columns, subjects, classLimit, classNote, features, keepLabels);
    }

    /** Checks and counts the next row; false, the fault kept, when it is refused (later rows are not looked at). */
    public boolean add(Row row) {
        if (fault != null) {
            return false;
        }
        Vector vector = row.isNullAt(0) ? null : (Vector) row.get(0);
        fault = LabeledRowRules.fault(row, vector, columns, subjects, classLimit, classNote, features, rows);
        if (fault != null) {
            return false;
        }
        if (firstRow == null) {
            firstRow = LabeledRowRules.describe(row, vector, columns);
        }
        features = vector.size();
        double label = ((Number) row.get(1)).doubleValue();
        maxLabel = Math.max(maxLabel, label);
        if (keepLabels) {
            if (rows == labels.length) {
                labels = Arrays.copyOf(labels, Math.max(16, 2 * labels.length));
            }
            labels[(int) rows] = (int) label;
        }
        rows++;
        if (columns.length == 3 && row.getBoolean(2)) {
            validationRows++;
        }
        return true;
    }

    /** Refuses the next row, which could not be read at all ({@code subject}: why). */
    public void refuse(String subject, String advice) {
        if (fault == null) {
            fault = new RowFault(rows, subject, advice, null);
        }
    }

    /**
     * The scans of an input's partitions, in partition order, as one: counts added, labels concatenated,
     * the first fault in row order (a partition whose vectors differ in size from the earlier ones' is one,
     * at its first row), its position counted over the whole input.
     */
    public LabeledRowScan combine(List<LabeledRowScan> partitions) {
        LabeledRowScan all = empty();
        for (LabeledRowScan part : partitions) {
            if (all.fault != null) {
                break;
            }
            if (part.firstRow != null && all.firstRow != null && part.features != all.features) {
                all.fault = new RowFault(all.rows, subjects[0] + ": vectors of different sizes, " + all.features
                        + " and " + part.features, LabeledRowRules.SAME_SIZE, part.firstRow);
                break;
            }
            if (part.firstRow != null && all.firstRow == null) {
                all.firstRow = part.firstRow;
                all.features = part.features;
            }
            all.fault = part.fault == null ? null : part.fault.after(all.rows);
            if (keepLabels) {
                all.labels = Arrays.copyOf(all.labels, (int) (all.rows + part.rows));
                System.arraycopy(part.labels, 0, all.labels, (int) all.rows, (int) part.rows);
            }
            all.rows += part.rows;
            all.validationRows += part.validationRows;
            all.maxLabel = Math.max(all.maxLabel, part.maxLabel);
        }
        return all;
    }

    /** Rows accepted (before the fault, if any). */
    public long rows() {
        return rows;
    }

    /** Rows accepted whose validation flag is true. */
    public long validationRows() {
        return validationRows;
    }

    /** Rows accepted whose validation flag is false (all of them without a flag column). */
    public long trainRows() {
        return rows - validationRows;
    }

    /** The vectors' size: the expected one, else the first row's; -1 before any row. */
    public int features() {
        return features;
    }

    /** The largest label accepted, 0 before any row. */
    public double maxLabel() {
        return maxLabel;
    }

    /** Every label accepted, in row order (only when kept). */
    public int[] labels() {
        return Arrays.copyOf(labels, (int) rows);
    }

    /** The first row refused, or null. */
    public RowFault fault() {
        return fault;
    }
}
