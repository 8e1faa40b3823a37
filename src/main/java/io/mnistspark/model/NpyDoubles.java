package io.mnistspark.model;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * float64 arrays in numpy's {@code .npy} format (version 1.0, little-endian {@code <f8}, C order), so
 * {@code numpy.load("W1.npy")} opens a saved model directly.
 */
public final class NpyDoubles {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([0-9,\\s]*)\\)");

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
     * @throws IOException if the stream is not such an array
     */
    public static double[] read(InputStream in, String name, int expectedLength) throws IOException {
        DataInputStream data = new DataInputStream(in);
        byte[] magic = new byte[6];
        data.readFully(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IOException(name + ": not a .npy file (bad magic)");
        }
        int major = data.readUnsignedByte();
        data.readUnsignedByte();
        int headerLength = major == 1
                ? data.readUnsignedByte() | (data.readUnsignedByte() << 8)
                : Integer.reverseBytes(data.readInt());
        if (headerLength < 0 || headerLength > 65536) {
            throw new IOException(name + ": .npy header length " + headerLength + " is not plausible");
        }
        byte[] headerBytes = new byte[headerLength];
        data.readFully(headerBytes);
        String header = new String(headerBytes, StandardCharsets.US_ASCII);
        if (!header.contains("'descr': '<f8'") || header.contains("'fortran_order': True")) {
            throw new IOException(name + ": expected a C-order little-endian float64 array, header is " + header.trim());
        }
        Matcher shape = SHAPE.matcher(header);
        long size = 1;
        if (shape.find()) {
            for (String dim : shape.group(1).split(",")) {
                if (!dim.isBlank()) {
                    size *= Long.parseLong(dim.trim());
                }
            }
        }
        if (size != expectedLength) {
            throw new IOException(name + ": holds " + size + " values, the model needs " + expectedLength);
        }
        byte[] raw = new byte[expectedLength * 8];
        data.readFully(raw);
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
