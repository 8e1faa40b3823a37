package io.mnistspark.data;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The table formats read through Spark's own data sources rather than this package's record readers: a
 * path is taken for one of them by its extension (a file, or a directory Spark wrote, named so), or when
 * {@code --format} names it.
 */
public enum TableFormat {
    /** Spark's {@code libsvm} source: "label index:value ..." lines, 1-based ascending indices. */
    LIBSVM("libsvm", ".libsvm", ".svm"),
    /** Spark's {@code csv} source with a header: a {@code label} column and one column per pixel, 0-255. */
    CSV("csv", ".csv"),
    /** Spark's {@code parquet} source: a Vector column {@code features} and a numeric column {@code label}. */
    PARQUET("parquet", ".parquet");

    private final String sparkName;
    private final List<String> extensions;

    TableFormat(String sparkName, String... extensions) {
        this.sparkName = sparkName;
        this.extensions = List.of(extensions);
    }

    /** The name Spark's reader knows the format by, and {@code --format} takes. */
    public String sparkName() {
        return sparkName;
    }

    /** The format whose {@link #sparkName()} is {@code name} (any case). */
    public static TableFormat named(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.sparkName.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--format must be one of " + names() + ", got '"
                        + name + "'"));
    }

    /**
     * The format a path's name ends in (any case; a trailing {@code /} of a directory is ignored), so
     * {@code train.csv}, {@code hdfs://nn/d/mnist.parquet/} and {@code a.SVM} are recognised.
     */
    public static Optional<TableFormat> byExtension(String path) {
        String name = path.strip().toLowerCase(Locale.ROOT).replaceFirst("/+$", "");
        return Arrays.stream(values()).filter(f -> f.extensions.stream().anyMatch(name::endsWith)).findFirst();
    }

    /** The location of {@code uri} in this format. */
    DataLocation location(String uri, String testUri, int numFeatures) {
        if (numFeatures != 0 && this != LIBSVM) {
            throw new IllegalArgumentException("--num-features applies to LIBSVM data only; " + label()
                    + " rows carry their own length");
        }
        return switch (this) {
            case LIBSVM -> new LibsvmFile(uri, testUri, numFeatures);
            case CSV -> new CsvFile(uri, testUri);
            case PARQUET -> new ParquetFile(uri, testUri);
        };
    }

    /** For messages: {@code LIBSVM}, {@code CSV}, {@code Parquet}. */
    String label() {
        return this == PARQUET ? "Parquet" : name();
    }

    static String names() {
        return Arrays.stream(values()).map(TableFormat::sparkName).collect(Collectors.joining(", "));
    }
}
