package io.mnistspark.model;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes and reads a {@code double[]} inside Java serialization as its raw IEEE 754 bits, little-endian,
 * a block at a time. {@code ObjectOutputStream} writes an array of doubles one value at a time, byte by
 * byte (about 1.5 ms for the 814 KB of a 784-128-10 gradient here), and every step sends such arrays: the
 * parameters out, each task's gradient back. A bulk copy through a little-endian buffer is a memory copy
 * on the usual hardware. The bits are copied, not converted: what is read equals what was written, NaN
 * payloads and signed zeros included.
 */
public final class RawDoubles {
    private static final int BLOCK_DOUBLES = 8192;

    private RawDoubles() {
    }

    /** Writes the length, then the values; {@code values} may be null. */
    public static void write(ObjectOutput out, double[] values) throws IOException {
        if (values == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(values.length);
        byte[] block = new byte[Math.min(values.length, BLOCK_DOUBLES) * Double.BYTES];
        ByteBuffer buffer = ByteBuffer.wrap(block).order(ByteOrder.LITTLE_ENDIAN);
        for (int from = 0; from < values.length; from += BLOCK_DOUBLES) {
            int count = Math.min(BLOCK_DOUBLES, values.length - from);
            buffer.clear();
            buffer.asDoubleBuffer().put(values, from, count);
            out.write(block, 0, count * Double.BYTES);
        }
    }

    /** Reads what {@link #write} wrote: a new array, or null. */
    public static double[] read(ObjectInput in) throws IOException {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        if (length < 0) {
            throw new InvalidObjectException("a serialized array of doubles declares length " + length);
        }
        double[] values = new double[length];
        byte[] block = new byte[Math.min(length, BLOCK_DOUBLES) * Double.BYTES];
        ByteBuffer buffer = ByteBuffer.wrap(block).order(ByteOrder.LITTLE_ENDIAN);
        for (int from = 0; from < length; from += BLOCK_DOUBLES) {
            int count = Math.min(BLOCK_DOUBLES, length - from);
            in.readFully(block, 0, count * Double.BYTES);
            buffer.clear();
            buffer.asDoubleBuffer().get(values, from, count);
        }
        return values;
    }
}
