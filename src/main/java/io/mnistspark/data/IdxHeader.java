package io.mnistspark.data;

import java.io.IOException;
import java.io.InputStream;

/**
 * The header of an MNIST-format IDX file: big-endian int32 magic, then the dimensions.
 *
 * <p>Labels: magic 2049 ({@code 0x00000801}: unsigned bytes, 1 dimension), count. Images: magic 2051
 * ({@code 0x00000803}: unsigned bytes, 3 dimensions), count, rows, cols. The dimensions are checked here,
 * before anything is sized from them, so a corrupt header cannot lead to a huge allocation.
 *
 * @param images true for an image file, false for a label file
 * @param count  number of records, {@code >= 0}
 * @param shape  image shape; null for a label file
 */
record IdxHeader(boolean images, int count, ImageShape shape) {

    static final int LABEL_MAGIC = 2049;
    static final int IMAGE_MAGIC = 2051;

    IdxHeader {
        if (count < 0) {
            throw new IllegalArgumentException("record count must be >= 0, got " + count);
        }
        if (images != (shape != null)) {
            throw new IllegalArgumentException("an image header needs a shape and a label header none, got "
                    + (images ? "images" : "labels") + " with shape " + shape);
        }
    }

    /** Reads and validates an image ({@code images}) or label header from the start of a decoded file. */
    static IdxHeader read(InputStream in, String location, boolean images) throws IOException {
        int expected = images ? IMAGE_MAGIC : LABEL_MAGIC;
        int magic = Streams.readIntBigEndian(in, location, "the magic number");
        if (magic != expected) {
            throw new DataException(location + ": magic number " + magic + " (0x" + Integer.toHexString(magic)
                    + ") where an IDX " + (images ? "image" : "label") + " file has " + expected
                    + (magic == IMAGE_MAGIC || magic == LABEL_MAGIC ? "; image and label files are swapped?"
                    : "; not an MNIST-format IDX file"));
        }
        long count = Integer.toUnsignedLong(Streams.readIntBigEndian(in, location, "the record count"));
        if (count > Integer.MAX_VALUE) {
            throw new DataException(location + ": header claims " + count + " records, more than the "
                    + Integer.MAX_VALUE + " this reader supports (the header is probably corrupt)");
        }
        if (!images) {
            return new IdxHeader(false, (int) count, null);
        }
        long rows = Integer.toUnsignedLong(Streams.readIntBigEndian(in, location, "the row count"));
        long cols = Integer.toUnsignedLong(Streams.readIntBigEndian(in, location, "the column count"));
        String problem = ImageShape.problem(rows, cols);
        if (problem != null) {
            throw new DataException(location + ": " + problem);
        }
        return new IdxHeader(true, (int) count, new ImageShape((int) rows, (int) cols));
    }

    /** Header size in bytes: 16 for images, 8 for labels. */
    int headerBytes() {
        return images ? 16 : 8;
    }

    /** Bytes per record: the pixels of an image, or one label byte. */
    int recordBytes() {
        return images ? shape.pixels() : 1;
    }

    /** Bytes of record data the header accounts for (fits a long: count < 2^31, record < 2^25). */
    long dataBytes() {
        return (long) count * recordBytes();
    }

    /**
     * Compares what the header needs with a raw file's known length, before any record is read or any
     * buffer sized: a header claiming 2^31-1 records in a small file is refused here.
     */
    void checkLength(String location, long knownLength) {
        if (knownLength < 0) {
            return;
        }
        long needed = headerBytes() + dataBytes();
        if (knownLength != needed) {
            throw new DataException(location + ": header claims " + count + " records of " + recordBytes()
                    + " bytes (" + needed + " bytes with the header) but the file holds " + knownLength + " bytes; "
                    + (knownLength < needed ? "the file is truncated or the header corrupt"
                    : "extra data after the records, so the header does not describe this file"));
        }
    }

    /** Refuses an image/label pair whose counts differ; which records would belong together is unknowable. */
    static void checkCounts(IdxHeader images, String imageLocation, IdxHeader labels, String labelLocation) {
        if (images.count() != labels.count()) {
            throw new DataException(imageLocation + ": holds " + images.count() + " images but " + labelLocation
                    + " holds " + labels.count() + " labels; each image needs exactly one label");
        }
    }
}
