package io.mnistspark.data;

import java.util.regex.Pattern;

/**
 * One file (or npz member) read by {@link DatasetReader#inspect}: what a run record needs to say exactly
 * which bytes a model was trained on.
 *
 * <p>The hash is over the decoded content (decompressed IDX bytes; the {@code .npy} bytes of an npz
 * member), not the stored bytes, so a dataset keeps its identity whether it is gzipped, re-zipped or raw.
 * A table format's file (CSV, LIBSVM, Parquet) is decoded by Spark on the executors; its hash is of the
 * bytes as stored, which for CSV and LIBSVM text is the content itself.
 *
 * @param name        display name, e.g. {@code "train-images-idx3-ubyte.gz"} or {@code "mnist.npz:x_train.npy"}
 * @param location    full location, e.g. {@code "file:/data/mnist/train-images-idx3-ubyte.gz"},
 *                    {@code "classpath:/mnist/train-images-idx3-ubyte.gz"} or
 *                    {@code "hdfs://nn/data/mnist.npz!/x_train.npy"}
 * @param storedBytes size as stored: the file length, or an npz member's compressed size; {@code >= 0}
 * @param sha256      SHA-256 of the decoded content (a table file's stored bytes), 64 lowercase hex digits
 */
public record DataFile(String name, String location, long storedBytes, String sha256) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public DataFile {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("data file name must not be blank, got " + name);
        }
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("location of " + name + " must not be blank, got " + location);
        }
        if (storedBytes < 0) {
            throw new IllegalArgumentException("stored size of " + name + " must be >= 0, got " + storedBytes);
        }
        if (sha256 == null || !SHA256_HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("SHA-256 of " + name + " must be 64 lowercase hex digits, got " + sha256);
        }
    }
}
