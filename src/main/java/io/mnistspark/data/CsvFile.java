package io.mnistspark.data;

/**
 * A CSV file in Kaggle's MNIST layout ({@code train.csv}: a header {@code label,pixel0,...,pixel783}, then a
 * line per image, the label and the raw 0-255 pixels), or a directory Spark wrote such files to; read through
 * Spark's CSV source ({@link CsvReader}). Its test rows, when given, are another such file.
 *
 * @param uri     a Hadoop path or URI of the training file (or directory); not blank
 * @param testUri the test file (or directory) in the same layout, or null for none
 */
public record CsvFile(String uri, String testUri) implements TableSource {

    public CsvFile {
        uri = TableLocations.required(uri, "CSV");
        testUri = TableLocations.optional(testUri);
    }

    @Override
    public String describe() {
        return TableLocations.describe(TableFormat.CSV, uri, testUri, "");
    }

    @Override
    public DataSpec dataSpec() {
        return new DataSpec(uri, TableFormat.CSV, testUri, 0);
    }

    @Override
    public TableReader reader() {
        return new CsvReader();
    }
}
