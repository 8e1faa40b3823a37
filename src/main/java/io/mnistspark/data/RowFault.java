package io.mnistspark.data;

import java.io.Serializable;

/**
 * The first row a {@link LabeledRowScan} refused, and why, worded so that each caller names the row its
 * own way: Spark ML by the row's values ({@code "the row (features=..., label=2.5)"}), the command line by
 * its number in the file.
 *
 * @param position the row's 0-based number among the rows scanned (in a partition, or in the whole input
 *                 once the partitions' scans are combined)
 * @param subject  what is wrong, naming the column, e.g. {@code "labelCol 'label' holds 2.5"}
 * @param advice   what the rows must be instead, or empty
 * @param row      the row's values, {@code "(features=..., label=...)"}, or null when the row could not be read
 */
public record RowFault(long position, String subject, String advice, String row) implements Serializable {

    /** {@code "<subject> (in <where>); <advice>"}: {@code where} names the row, e.g. {@code "the row (...)"}. */
    public String message(String where) {
        return subject + " (in " + where + ")" + (advice.isEmpty() ? "" : "; " + advice);
    }

    /** The same fault with its position counted from {@code offset} rows earlier. */
    RowFault after(long offset) {
        return new RowFault(offset + position, subject, advice, row);
    }
}
