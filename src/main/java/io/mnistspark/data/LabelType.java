package io.mnistspark.data;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * How labels are stored: one unsigned byte in IDX files; any little-endian integer numpy writes in an npz.
 * Whatever the storage, a label must lie in [0, 255] (MNIST-format datasets have at most 256 classes), so
 * decoding checks the range and a corrupt or mis-typed label array cannot turn into a huge class count.
 */
enum LabelType {
    U1(1, false), I1(1, true), U2(2, false), I2(2, true), U4(4, false), I4(4, true), U8(8, false), I8(8, true);

    /** Largest label value accepted from any source. */
    static final int MAX_LABEL = 255;

    /** Labels decoded per chunk when reading a whole label array. */
    private static final int CHUNK = 1 << 14;

    private final int bytes;
    private final boolean signed;

    LabelType(int bytes, boolean signed) {
        this.bytes = bytes;
        this.signed = signed;
    }

    int bytes() {
        return bytes;
    }

    /** Numpy's spelling, for messages: {@code |u1}, {@code <i8}... */
    String descr() {
        return (bytes == 1 ? "|" : "<") + (signed ? "i" : "u") + bytes;
    }

    /**
     * Decodes the little-endian label at {@code buffer[offset]} and checks it lies in [0, 255].
     *
     * @param record record index, for the message
     */
    int decode(byte[] buffer, int offset, String location, long record) {
        long value = 0;
        for (int i = bytes - 1; i >= 0; i--) {
            value = value << 8 | (buffer[offset + i] & 0xFF);
        }
        if (signed && bytes < 8) {
            int shift = 64 - 8 * bytes;
            value = value << shift >> shift;
        }
        if (value < 0 || value > MAX_LABEL) {
            String shown = !signed && value < 0 ? Long.toUnsignedString(value) : Long.toString(value);
            throw new DataException(location + ": label " + shown + " at record " + record
                    + " is outside [0, " + MAX_LABEL + "]; labels must be class indices");
        }
        return (int) value;
    }

    /**
     * Reads {@code count} labels. The array grows as labels actually arrive instead of being sized from the
     * header, so a header claiming two billion labels in a short (compressed) file costs nothing.
     */
    int[] readAll(InputStream in, int count, String location) throws IOException {
        int[] labels = new int[Math.min(count, CHUNK)];
        byte[] chunk = new byte[Math.min(count, CHUNK) * bytes];
        int done = 0;
        while (done < count) {
            int want = Math.min(count - done, CHUNK);
            int got = Streams.readUpTo(in, chunk, 0, want * bytes);
            if (got < want * bytes) {
                throw new DataException(location + ": truncated: header claims " + count + " labels but the data ends after "
                        + (done + got / bytes) + "; the file is cut short or the header is wrong");
            }
            if (labels.length < done + want) {
                labels = Arrays.copyOf(labels, (int) Math.min(count, Math.max(2L * labels.length, done + want)));
            }
            for (int i = 0; i < want; i++) {
                labels[done + i] = decode(chunk, i * bytes, location, done + i);
            }
            done += want;
        }
        return labels;
    }
}
