package io.mnistspark.data;

/**
 * The zip64 extended-information extra field (header id 0x0001) of a central directory entry.
 *
 * <p>A size or offset too large for its 32-bit field is stored there as {@code 0xFFFFFFFF} and given in
 * full in this extra field, in a fixed order: uncompressed size, compressed size, local header offset,
 * each present only if its 32-bit field is saturated (APPNOTE 4.5.3). numpy asks Python's zipfile for
 * zip64 on every member, so large npz files carry these.
 */
final class Zip64Extra {

    private static final int ZIP64_ID = 0x0001;
    private static final long SATURATED = 0xFFFFFFFFL;

    private Zip64Extra() {
    }

    /**
     * Replaces saturated values in {@code values} = {size, compressed size, local offset}, in place, by
     * the zip64 ones found in the extra block {@code [start, start + length)} of {@code entry}.
     *
     * @param where member location, for messages
     */
    static void apply(byte[] entry, int start, int length, long[] values, String where) {
        int p = start;
        int end = start + length;
        while (p + 4 <= end) {
            int id = LittleEndian.u16(entry, p);
            int size = LittleEndian.u16(entry, p + 2);
            int data = p + 4;
            if (data + size > end) {
                throw new DataException(where + ": corrupt zip archive: extra field " + id + " runs past its entry");
            }
            if (id == ZIP64_ID) {
                int q = data;
                for (int i = 0; i < values.length; i++) {
                    if (values[i] == SATURATED) {
                        if (q + 8 > data + size) {
                            throw new DataException(where + ": corrupt zip archive: zip64 extra field lacks a value");
                        }
                        values[i] = LittleEndian.u64(entry, q);
                        q += 8;
                    }
                }
            }
            p = data + size;
        }
        for (long value : values) {
            if (value == SATURATED || value < 0) {
                throw new DataException(where + ": corrupt zip archive: size or offset " + Long.toUnsignedString(value)
                        + " without a valid zip64 value");
            }
        }
    }
}
