package io.mnistspark.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/**
 * Property tests of what the table formats do with a row once Spark's reader has split it, without Spark:
 * {@link CsvRows} turning generated CSV cells into a row, and {@link LabeledRowScan} judging generated rows
 * (what Spark's LIBSVM, CSV and Parquet readers give). Each case is compared with a reference written here
 * from the rules the README states (a cell is a decimal number; pixels whole 0..255; features present,
 * finite, of one length; labels whole 0..65535): the same rows accepted with the same values, the same first
 * row refused with a one-line message naming its column; never another exception; and a scan split into
 * partitions finds what one scan finds.
 */
class TableRowFuzzTest {
    static final int CSV_CASES = 4000;
    static final int SCAN_CASES = 4000;
    private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    private static final double[] VALUES = {0, 0.5, 1, -1, -0.0, 255, 1e308, Double.MIN_VALUE, Double.NaN,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    private static final Double[] LABELS = {0.0, 1.0, 2.0, 2.5, -1.0, -0.0, 65535.0, 65536.0, 1e300, Double.NaN,
        Double.POSITIVE_INFINITY, null};

    @Test
    void everyCsvLineBecomesTheReferenceRowOrIsRefusedNamingItsColumn() {
        int[] outcomes = new int[2];
        Fuzz.cases(CSV_CASES).forEach(index -> {
            SplittableRandom random = Fuzz.random("csv-row", index);
            int columns = 2 + random.nextInt(5);
            int labelAt = random.nextInt(columns);
            String[] header = new String[columns];
            Object[] cells = new Object[columns + 1];
            for (int c = 0; c < columns; c++) {
                header[c] = c == labelAt ? "label" : "p" + c;
                cells[c] = cell(random);
            }
            cells[columns] = random.nextInt(20) == 0 ? "1,2" : null;
            String what = Fuzz.replay("csv-row", index) + ": header " + Arrays.toString(header) + ", cells "
                    + Arrays.toString(cells);
            String expectedFault = csvReference(header, cells);
            Row row;
            try {
                row = new CsvRows(header).call(List.of(RowFactory.create(cells)).iterator()).next();
            } catch (RowRefusal e) {
                assertTrue(expectedFault != null && e.subject().startsWith(expectedFault), what + ": refused with '"
                        + e.getMessage() + "', expected " + (expectedFault == null ? "a row" : "'" + expectedFault + "'"));
                assertEquals(1, e.getMessage().lines().count(), what);
                outcomes[1]++;
                return;
            } catch (RuntimeException e) {
                throw new AssertionError(what + ": neither a row nor a refusal", e);
            }
            assertNull(expectedFault, what + ": accepted, expected '" + expectedFault + "'");
            checkCsvRow(header, cells, row, what);
            outcomes[0]++;
        });
        System.out.println("csv rows: " + Fuzz.count(CSV_CASES) + " cases, " + outcomes[0] + " rows, " + outcomes[1]
                + " refused");
        assertTrue(Fuzz.replaying() || outcomes[0] > 0 && outcomes[1] > 0, "both outcomes: " + Arrays.toString(outcomes));
    }

    @Test
    void javaNumberSuffixesAndHexadecimalAreNotNumbersInACsvCell() {
        String[] header = {"label", "p0"};
        for (String cell : new String[] {"7f", "12d", "0x1p3", "1_0"}) {
            RowRefusal e = assertThrows(RowRefusal.class, () -> new CsvRows(header)
                    .call(List.of(RowFactory.create("1", cell, null)).iterator()).next(), cell);
            assertEquals("column 'p0' holds '" + cell + "', not a number", e.subject());
        }
    }

    @Test
    void everyScanOfGeneratedRowsAcceptsTheReferenceRowsAndSplitsAlike() {
        Fuzz.cases(SCAN_CASES).forEach(index -> {
            SplittableRandom random = Fuzz.random("row-scan", index);
            int expectedFeatures = random.nextBoolean() ? 4 : -1;
            List<Row> rows = new ArrayList<>();
            for (int r = 1 + random.nextInt(8); r > 0; r--) {
                rows.add(RowFactory.create(vector(random), LABELS[random.nextInt(LABELS.length)]));
            }
            Supplier<String> what = () -> Fuzz.replay("row-scan", index) + ": features " + expectedFeatures + ", rows " + rows;
            LabeledRowScan rules = new LabeledRowScan(new String[] {"features", "label"},
                    new String[] {"column 'features'", "column 'label'"}, ImageBlock.MAX_LABEL + 1, "", expectedFeatures, true);
            LabeledRowScan whole = rules.combine(List.of(rules.of(rows.iterator())));
            int split = random.nextInt(rows.size() + 1);
            LabeledRowScan parts = rules.combine(List.of(rules.of(rows.subList(0, split).iterator()),
                    rules.of(rows.subList(split, rows.size()).iterator())));
            long firstBad = scanReference(rows, expectedFeatures);
            for (LabeledRowScan scan : List.of(whole, parts)) {
                assertEquals(firstBad, scan.rows(), () -> what.get() + " (split at " + split + ")");
                if (firstBad < rows.size()) {
                    assertEquals(firstBad, scan.fault().position(), what);
                    assertEquals(1, scan.fault().message("row " + (firstBad + 1)).lines().count(), what);
                } else {
                    assertNull(scan.fault(), what);
                }
            }
            assertEquals(Arrays.toString(whole.labels()), Arrays.toString(parts.labels()), what);
        });
    }

    private static Object cell(SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> Integer.toString(random.nextInt(300));
            case 1 -> random.nextInt(10) == 0 ? null : FuzzTables.CELLS[random.nextInt(FuzzTables.CELLS.length)];
            case 2 -> (random.nextBoolean() ? "-" : "") + random.nextInt(3) + "." + random.nextInt(10) + "e" + random.nextInt(4);
            default -> Integer.toString(random.nextInt(3));
        };
    }

    /** The first fault the README's rules find in a CSV line ("column 'x' ..."), or null for a good line. */
    private static String csvReference(String[] header, Object[] cells) {
        if (cells[header.length] != null) {
            return "a line of";
        }
        int label = Arrays.asList(header).indexOf("label");
        String labelFault = numberFault((String) cells[label], "label");
        if (labelFault != null) {
            return labelFault;
        }
        for (int c = 0; c < header.length; c++) {
            if (c == label) {
                continue;
            }
            String fault = numberFault((String) cells[c], header[c]);
            if (fault != null) {
                return fault;
            }
            BigDecimal value = new BigDecimal(((String) cells[c]).strip());
            if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(255)) > 0
                    || value.stripTrailingZeros().scale() > 0) {
                return "column '" + header[c] + "' holds";
            }
        }
        return null;
    }

    private static String numberFault(String cell, String column) {
        if (cell == null || cell.isBlank()) {
            return "column '" + column + "' is empty";
        }
        return DECIMAL.matcher(cell.strip()).matches() ? null : "column '" + column + "' holds '";
    }

    private static void checkCsvRow(String[] header, Object[] cells, Row row, String what) {
        Vector features = (Vector) row.get(0);
        int label = Arrays.asList(header).indexOf("label");
        assertEquals(Double.parseDouble(((String) cells[label]).strip()), row.getDouble(1), what);
        assertEquals(header.length - 1, features.size(), what);
        int pixel = 0;
        for (int c = 0; c < header.length; c++) {
            if (c != label) {
                int value = new BigDecimal(((String) cells[c]).strip()).intValueExact();
                assertEquals(value / 255.0, features.apply(pixel++), what + ": column " + header[c]);
            }
        }
    }

    private static Vector vector(SplittableRandom random) {
        if (random.nextInt(12) == 0) {
            return null;
        }
        int size = random.nextInt(8) == 0 ? random.nextInt(7) : 4;
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            values[i] = random.nextInt(3) == 0 ? VALUES[random.nextInt(VALUES.length)] : random.nextInt(2) * 0.5;
        }
        return random.nextBoolean() ? Vectors.dense(values) : Vectors.dense(values).toSparse();
    }

    /** The number of rows before the first one the README's rules refuse (all of them when none is). */
    private static long scanReference(List<Row> rows, int expectedFeatures) {
        int features = expectedFeatures;
        for (int r = 0; r < rows.size(); r++) {
            Vector vector = (Vector) rows.get(r).get(0);
            Double label = (Double) rows.get(r).get(1);
            boolean good = vector != null && (features < 0 || vector.size() == features)
                    && Arrays.stream(vector.toArray()).allMatch(Double::isFinite)
                    && label != null && label >= 0 && label <= ImageBlock.MAX_LABEL && label == Math.rint(label);
            if (!good) {
                return r;
            }
            features = vector.size();
        }
        return rows.size();
    }
}
