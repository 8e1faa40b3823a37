package io.mnistspark.numpy;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * float64 arrays in numpy's {@code .npy} format (version 1.0, little-endian {@code <f8}, C order), so
 * {@code numpy.load("W1.npy")} opens a saved model directly.
 */
public final class NpyDoubles {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    private NpyDoubles() {
    }

    /** Writes {@code values} with the given shape (the product of {@code shape} must be its length). */
    public static void write(OutputStream out, double[] values, int... shape) throws IOException {
        long size = 1;
        for (int d : shape) {
            size *= d;
        }
        if (size != values.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + size
                    + " values, got " + values.length);
        }
        StringBuilder dims = new StringBuilder();
        for (int d : shape) {
            dims.append(d).append(", ");
        }
        String tuple = shape.length == 1 ? "(" + shape[0] + ",)" : "(" + dims.substring(0, dims.length() - 2) + ")";
        StringBuilder header = new StringBuilder("{'descr': '<f8', 'fortran_order': False, 'shape': " + tuple + ", }");
        // The preamble (10 bytes) plus header is padded with spaces to a multiple of 64 and ends in a newline.
        while ((10 + header.length() + 1) % 64 != 0) {
            header.append(' ');
        }
        header.append('\n');
        out.write(MAGIC);
        out.write(new byte[] {1, 0, (byte) (header.length() & 0xff), (byte) (header.length() >>> 8)});
        out.write(header.toString().getBytes(StandardCharsets.US_ASCII));
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asDoubleBuffer().put(values);
        out.write(buffer.array());
    }

    /**
     * Reads a {@code <f8} array of exactly {@code expectedLength} values.
     *
     * @param name used in error messages
     * @throws NpyFormatException if the stream is not such an array
     * @throws IOException         if it cannot be read, or ends before the values do
     */
    public static double[] read(InputStream in, String name, int expectedLength) throws IOException {
        NpyHeader header = NpyHeader.read(in, name);
        if (!header.descr().equals("<f8") || header.fortranOrder()) {
            throw new NpyFormatException(name + ": expected a C-order little-endian float64 array (<f8), found "
                    + header.descr() + (header.fortranOrder() ? " in Fortran order" : ""));
        }
        long size = header.elementCount();
        if (size != expectedLength) {
            throw new NpyFormatException(name + ": holds " + size + " values (shape " + header.shapeText()
                    + "), the model needs " + expectedLength);
        }
        byte[] raw = new byte[expectedLength * 8];
        new DataInputStream(in).readFully(raw);
        double[] values = new double[expectedLength];
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(values);
        return values;
    }

    /** The bytes {@link #write} produces, for callers that need a byte array. */
    public static byte[] toBytes(double[] values, int... shape) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            write(bytes, values, shape);
        } catch (IOException e) {
            throw new IllegalStateException("in-memory write failed", e);
        }
        return bytes.toByteArray();
    }
}
