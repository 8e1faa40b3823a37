package io.mnistspark.data;

import java.util.Iterator;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Turns the text cells of CSV rows (the header's columns, then Spark's corrupt-record column) into
 * {@code (features Vector, label Double)} rows, lazily, one row at a time: pixels {@code p} in 0..255
 * become {@code p / 255.0} (zeros not stored), the label is parsed as a number and checked later with the
 * other formats' labels. A cell that is empty, not a number, or a pixel that is not a whole 0..255 stops
 * the row with a {@link RowRefusal} naming the column.
 */
final class CsvRows implements FlatMapFunction<Iterator<Row>, Row> {
    private static final long serialVersionUID = 1L;
    private static final String PIXELS = "pixel values must be whole numbers 0..255 (raw bytes, divided by 255 "
            + "when read); for other values use LIBSVM or Parquet";

    private static final java.util.regex.Pattern DECIMAL =
            java.util.regex.Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");

    private final String[] header;
    private final int label;

    /** @param header the file's columns, one {@code label}, in the order of the rows' cells */
    CsvRows(String[] header) {
        this.header = header.clone();
        this.label = java.util.Arrays.asList(header).indexOf("label");
    }

    @Override
    public Iterator<Row> call(Iterator<Row> cells) {
        return new Iterator<>() {
            private final int[] indices = new int[header.length - 1];
            private final double[] values = new double[header.length - 1];

            @Override
            public boolean hasNext() {
                return cells.hasNext();
            }

            @Override
            public Row next() {
                return convert(cells.next(), indices, values);
            }
        };
    }

    private Row convert(Row cells, int[] indices, double[] values) {
        String corrupt = cells.getString(header.length);
        if (corrupt != null) {
            throw new RowRefusal("a line of " + cellCount(corrupt) + " cells where the header names " + header.length
                    + " columns", "every line needs one cell per header column");
        }
        double labelValue = number(cells.getString(label), "label", "labels must be whole class indexes");
        int stored = 0;
        int pixel = 0;
        for (int c = 0; c < header.length; c++) {
            if (c == label) {
                continue;
            }
            int value = pixel(cells.getString(c), header[c]);
            if (value != 0) {
                indices[stored] = pixel;
                values[stored++] = value / 255.0;
            }
            pixel++;
        }
        return RowFactory.create(Vectors.sparse(header.length - 1, java.util.Arrays.copyOf(indices, stored),
                java.util.Arrays.copyOf(values, stored)), labelValue);
    }

    /** A pixel cell as 0..255: digits only on the fast path, else any number that is whole and in range. */
    private static int pixel(String cell, String column) {
        if (cell != null && !cell.isEmpty() && cell.length() <= 3) {
            int value = 0;
            for (int i = 0; i < cell.length(); i++) {
                char ch = cell.charAt(i);
                if (ch < '0' || ch > '9') {
                    value = -1;
                    break;
                }
                value = 10 * value + (ch - '0');
            }
            if (value >= 0 && value <= 255) {
                return value;
            }
        }
        double value = number(cell, column, PIXELS);
        if (!(value >= 0 && value <= 255 && value == Math.rint(value))) {
            throw new RowRefusal("column '" + column + "' holds " + cell.strip(), PIXELS);
        }
        return (int) value;
    }

    /**
     * A cell as a decimal number ({@code 7}, {@code -0.5}, {@code 1e3}, surrounding spaces ignored). Java's own
     * parser is not asked alone: it also takes {@code 7f}, {@code 12d} and hexadecimal {@code 0x1p3}, which no
     * CSV writer means as numbers, so a damaged cell could pass as a pixel.
     */
    private static double number(String cell, String column, String advice) {
        if (cell == null || cell.isBlank()) {
            throw new RowRefusal("column '" + column + "' is empty", advice);
        }
        String text = cell.strip();
        if (!DECIMAL.matcher(text).matches()) {
            String shown = cell.length() > 40 ? cell.substring(0, 37) + "..." : cell;
            throw new RowRefusal("column '" + column + "' holds '" + shown + "', not a number", advice);
        }
        return Double.parseDouble(text);
    }

    /** Cells of a raw line, counting the commas outside double quotes. */
    private static int cellCount(String line) {
        int cells = 1;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                cells++;
            }
        }
        return cells;
    }
}
