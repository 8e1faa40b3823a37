package io.mnistspark.data;

import java.util.Iterator;
import java.util.List;
import org.apache.spark.TaskKilledException;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What one read of a table path finds: every row checked on the executors ({@link LabeledRowScan}, one
 * scan a partition, stopping at the first fault), the labels brought to the driver in row order, nothing
 * else. The first faulty row in file order is refused with a {@link DataException} naming its file and its
 * row number there (1-based, counting data rows: a CSV header, and lines Spark skips, are not rows); the
 * number finds the row, so its values (a vector of hundreds) are left out.
 *
 * @param files      the data files read
 * @param features   the length of every row
 * @param labels     every label, in row order
 * @param rowsOfFile how many rows each data file holds
 */
record TableScan(TableFiles files, int features, int[] labels, long[] rowsOfFile) {
    private static final String[] COLUMNS = {"features", "label"};
    private static final String[] SUBJECTS = {"column 'features'", "column 'label'"};

    /**
     * Reads and checks every row of {@code files}.
     *
     * @param features the length every row must have, or -1 for the first row's
     * @param part     {@code "training"} or {@code "test"}, for messages
     */
    static TableScan of(SparkSession spark, TableReader reader, TableFiles files, int features, String part) {
        TableRows table = TableRows.read(spark, reader, files, features);
        LabeledRowScan rules = new LabeledRowScan(COLUMNS, SUBJECTS, ImageBlock.MAX_LABEL + 1, "", features, true);
        String advice = reader.rowAdvice();
        List<LabeledRowScan> partitions = table.rows()
                .mapPartitions((Iterator<Row> rows) -> List.of(scan(rules, rows, advice)).iterator())
                .collect();
        LabeledRowScan all = rules.empty();
        long[] rowsOfFile = new long[table.partitionsOfFile().length];
        int first = 0;
        for (int f = 0; f < rowsOfFile.length; f++) {
            int end = first + table.partitionsOfFile()[f];
            LabeledRowScan file = rules.combine(partitions.subList(first, end));
            first = end;
            long before = all.rows();
            all = rules.combine(List.of(all, file));
            RowFault fault = all.fault();
            if (fault != null) {
                throw new DataException(files.files().get(f).location() + ": "
                        + fault.message("row " + (fault.position() - before + 1)));
            }
            rowsOfFile[f] = file.rows();
        }
        if (all.rows() == 0) {
            throw new DataException(files.uri() + ": holds no rows; the " + part + " data needs at least one");
        }
        if (all.features() > ImageShape.MAX_PIXELS) {
            throw new DataException(files.uri() + ": rows of " + all.features() + " features, more than the "
                    + ImageShape.MAX_PIXELS + " a network here takes");
        }
        return new TableScan(files, all.features(), all.labels(), rowsOfFile);
    }

    /** Where each label was read: the data file, and the row there (1-based, counting data rows). */
    ClassCount.LabelOrigin origin() {
        return new ClassCount.LabelOrigin() {
            @Override
            public String file(int index) {
                return files.files().get(fileOf(index)).location();
            }

            @Override
            public String record(int index) {
                long row = index;
                for (int f = 0; f < fileOf(index); f++) {
                    row -= rowsOfFile[f];
                }
                return "row " + (row + 1);
            }
        };
    }

    /** The data file row {@code index} (0-based, over all files) is in. */
    private int fileOf(long index) {
        long row = index;
        for (int f = 0; f < rowsOfFile.length; f++) {
            if (row < rowsOfFile[f]) {
                return f;
            }
            row -= rowsOfFile[f];
        }
        throw new IndexOutOfBoundsException("row " + index + " of " + files.uri());
    }

    /** One partition's scan; a row that cannot be read ends it as a fault, not a failed task. */
    private static LabeledRowScan scan(LabeledRowScan rules, Iterator<Row> rows, String advice) {
        LabeledRowScan scan = rules.empty();
        try {
            while (rows.hasNext() && scan.add(rows.next())) {
                // add stops at the first fault
            }
        } catch (RowRefusal e) {
            scan.refuse(e.subject(), e.advice());
        } catch (TaskKilledException e) {
            throw e;
        } catch (Exception e) {
            scan.refuse("cannot be read: " + reason(e), advice);
        }
        return scan;
    }

    /** The innermost cause's message: Spark wraps a reader's own exception. First line, cut short. */
    static String reason(Throwable e) {
        String message = e.getClass().getSimpleName();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        String line = message.lines().findFirst().orElse("").strip();
        return line.length() > 200 ? line.substring(0, 197) + "..." : line;
    }
}
