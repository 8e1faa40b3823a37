package io.mnistspark.report;

import io.mnistspark.numpy.PythonRepr;
import java.util.Locale;

/**
 * How numbers appear in {@code report.md}, kept in one place so a test can check a figure in the report
 * by formatting the value it recomputed from the history the same way. Losses get six decimals: the
 * notebook's SGD curves differ only in the third.
 */
public final class ReportFormat {
    private ReportFormat() {
    }

    /** A loss: {@code 2.289701}. */
    public static String loss(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.6f", value) : PythonRepr.format(value);
    }

    /** An accuracy as the notebook prints it (a fraction): {@code 0.9723}. */
    public static String accuracy(Double value) {
        return value == null ? "not tested" : String.format(Locale.ROOT, "%.4f", value);
    }

    /** Wall time: {@code 42.0 s}, {@code 3 min 05 s}, {@code 1 h 02 min}. */
    public static String duration(double seconds) {
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long s = Math.round(seconds);
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }

    /** A speed-up factor: {@code 83}, {@code 3.2}. */
    public static String ratio(double value) {
        return value >= 10 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    /** A learning rate or other setting as Python would print it: {@code 0.001}. */
    public static String number(double value) {
        return PythonRepr.format(value);
    }

    /** The text with its first letter in upper case, for a label that opens a sentence. */
    public static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
