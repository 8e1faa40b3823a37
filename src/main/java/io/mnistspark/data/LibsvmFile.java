package io.mnistspark.data;

/**
 * A LIBSVM file ("label index:value ..." lines, 1-based ascending indices), or a directory Spark wrote such
 * files to; read through Spark's LIBSVM source ({@link LibsvmReader}), values used as stored. LIBSVM does
 * not record the rows' length: {@code numFeatures} gives it (784 for MNIST), else Spark infers the largest
 * index of the training file. Its test rows, when given, are another such file, read with the training
 * rows' length.
 *
 * @param uri         a Hadoop path or URI of the training file (or directory); not blank
 * @param testUri     the test file (or directory), or null for none
 * @param numFeatures the rows' length, or 0 to infer it
 */
public record LibsvmFile(String uri, String testUri, int numFeatures) implements TableSource {

    public LibsvmFile {
        uri = TableLocations.required(uri, "LIBSVM");
        testUri = TableLocations.optional(testUri);
        if (numFeatures < 0 || numFeatures > ImageShape.MAX_PIXELS) {
            throw new IllegalArgumentException("--num-features must be in [1, " + ImageShape.MAX_PIXELS
                    + "] (or 0 to infer it), got " + numFeatures);
        }
    }

    @Override
    public String describe() {
        return TableLocations.describe(TableFormat.LIBSVM, uri, testUri,
                numFeatures > 0 ? ", " + numFeatures + " features" : "");
    }

    @Override
    public DataSpec dataSpec() {
        return new DataSpec(uri, TableFormat.LIBSVM, testUri, numFeatures);
    }

    @Override
    public TableReader reader() {
        return new LibsvmReader(numFeatures);
    }
}
