package io.mnistspark.data;

/**
 * A Parquet file with a Spark ML Vector column {@code features} and a numeric column {@code label}, or the
 * directory {@code df.write().parquet(...)} wrote; read through Spark's Parquet source
 * ({@link ParquetReader}), values used as stored. Its test rows, when given, are another such file.
 *
 * @param uri     a Hadoop path or URI of the training file (or directory); not blank
 * @param testUri the test file (or directory) with the same columns, or null for none
 */
public record ParquetFile(String uri, String testUri) implements TableSource {

    public ParquetFile {
        uri = TableLocations.required(uri, "Parquet");
        testUri = TableLocations.optional(testUri);
    }

    @Override
    public String describe() {
        return TableLocations.describe(TableFormat.PARQUET, uri, testUri, "");
    }

    @Override
    public DataSpec dataSpec() {
        return new DataSpec(uri, TableFormat.PARQUET, testUri, 0);
    }

    @Override
    public TableReader reader() {
        return new ParquetReader();
    }
}
