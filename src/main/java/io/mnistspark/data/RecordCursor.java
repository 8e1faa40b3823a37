package io.mnistspark.data;

/**
 * Reads a fixed range {@code [first, end)} of one part's records, in file order: what one Spark partition
 * reads. Obtained from {@link DatasetReader#open}; not thread-safe; close it (try-with-resources) to
 * release the underlying streams.
 */
public interface RecordCursor extends java.io.Closeable {

    /**
     * Reads the next record. Fills {@code pixels} in place with the image, row-major, one unsigned byte
     * per pixel (so {@code pixels[i] & 0xFF} is the 0-255 value), and returns the record's label.
     *
     * @param pixels buffer of exactly {@code shape().pixels()} bytes, overwritten
     * @return the label, {@code >= 0}
     * @throws DataException past the end of the range, or when the data is truncated or unreadable
     * @throws IllegalArgumentException when {@code pixels} has the wrong length
     */
    int next(byte[] pixels);

    /** Shape of every image this cursor returns. */
    ImageShape shape();

    /** Releases the underlying streams; an I/O failure while closing is reported as a {@link DataException}. */
    @Override
    void close();
}
