package io.mnistspark.numpy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The header of a {@code .npy} array: magic {@code \x93NUMPY}, format version, header length (2 bytes
 * little-endian in version 1.0, 4 bytes in 2.0 and 3.0), then a Python dict literal with {@code descr},
 * {@code fortran_order} and {@code shape}, padded with spaces and a newline.
 *
 * <p>Only the header is parsed; what the dtype and shape mean is judged by the caller, which knows what the
 * array should hold (images or labels in an npz dataset, float64 weights in a saved model). Every fault is an
 * {@link NpyFormatException} whose one-line message starts with the location given.
 *
 * @param descr        the dtype string, e.g. {@code |u1} or {@code <i8}; for a structured dtype (a list of
 *                     fields) its Python text, which no check accepts
 * @param fortranOrder whether the data is stored column-major
 * @param shape        the dimensions, each {@code >= 0}
 * @param headerBytes  bytes before the array data (magic, version, length field, dict, padding)
 */
public record NpyHeader(String descr, boolean fortranOrder, List<Long> shape, int headerBytes) {

    /** Longest dict accepted. numpy writes well under 200 bytes; its own reader stops at 10000. */
    public static final int MAX_DICT_BYTES = 1 << 16;

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    public NpyHeader {
        shape = List.copyOf(shape);
    }

    /**
     * Reads the header at the start of a stream, leaving the stream at the first byte of the array data.
     *
     * @param location names the stream in messages, e.g. {@code mnist.npz!/x_train.npy}
     * @throws NpyFormatException if the bytes are not a {@code .npy} header numpy could have written
     * @throws IOException        if the stream cannot be read
     */
    public static NpyHeader read(InputStream in, String location) throws IOException {
        byte[] prefix = new byte[8];
        readFully(in, prefix, prefix.length, location, "the .npy magic and version");
        for (int i = 0; i < MAGIC.length; i++) {
            if (prefix[i] != MAGIC[i]) {
                throw new NpyFormatException(location + ": not a .npy array (expected magic \\x93NUMPY, found "
                        + String.format("%02x %02x %02x...", prefix[0], prefix[1], prefix[2]) + ")"
                        + ((prefix[0] & 0xFF) == 0x80 ? "; it looks like a Python pickle, which is never loaded" : ""));
            }
        }
        int major = prefix[6] & 0xFF;
        int minor = prefix[7] & 0xFF;
        if (major < 1 || major > 3) {
            throw new NpyFormatException(location + ": .npy format version " + major + "." + minor
                    + " is not supported (1.0, 2.0 and 3.0 are)");
        }
        int lengthBytes = major == 1 ? 2 : 4;
        byte[] lengthField = new byte[lengthBytes];
        readFully(in, lengthField, lengthBytes, location, "the .npy header length");
        long dictBytes = 0;
        for (int i = lengthBytes - 1; i >= 0; i--) {
            dictBytes = dictBytes << 8 | (lengthField[i] & 0xFF);
        }
        if (dictBytes > MAX_DICT_BYTES) {
            throw new NpyFormatException(location + ": .npy header claims " + dictBytes + " bytes, more than the "
                    + MAX_DICT_BYTES + " accepted; the member is corrupt or not written by numpy");
        }
        byte[] dict = new byte[(int) dictBytes];
        readFully(in, dict, dict.length, location, "the .npy header");
        String text = new String(dict, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        return fromDict(text, 8 + lengthBytes + dict.length, location);
    }

    private static NpyHeader fromDict(String text, int headerBytes, String location) throws NpyFormatException {
        Object parsed;
        try {
            parsed = PyLiteral.parse(text);
        } catch (IllegalArgumentException e) {
            throw new NpyFormatException(location + ": .npy header is not a Python dict literal (" + e.getMessage() + ")", e);
        }
        if (!(parsed instanceof Map<?, ?> dict)) {
            throw new NpyFormatException(location + ": .npy header is not a dict: " + text.strip());
        }
        Object descr = dict.get("descr");
        Object fortran = dict.get("fortran_order");
        Object shape = dict.get("shape");
        if (descr == null || !(fortran instanceof Boolean) || !(shape instanceof List<?> dims)) {
            throw new NpyFormatException(location + ": .npy header lacks descr, fortran_order or shape: " + text.strip());
        }
        Long[] sizes = new Long[dims.size()];
        for (int i = 0; i < sizes.length; i++) {
            if (!(dims.get(i) instanceof Long size) || size < 0) {
                throw new NpyFormatException(location + ": .npy shape " + shape + " has a dimension that is not a "
                        + "non-negative integer");
            }
            sizes[i] = size;
        }
        String descrText = descr instanceof String s ? s : "structured dtype " + descr;
        return new NpyHeader(descrText, (Boolean) fortran, List.of(sizes), headerBytes);
    }

    /** The number of elements the shape holds (1 for a scalar's empty shape); saturates at Long.MAX_VALUE. */
    public long elementCount() {
        long count = 1;
        for (long dim : shape) {
            if (dim != 0 && count > Long.MAX_VALUE / dim) {
                return Long.MAX_VALUE;
            }
            count *= dim;
        }
        return count;
    }

    private static void readFully(InputStream in, byte[] buffer, int length, String location, String what)
            throws IOException {
        int n = in.readNBytes(buffer, 0, length);
        if (n < length) {
            throw new NpyFormatException(location + ": truncated: the data ends " + n + " bytes into " + what
                    + " (" + length + " bytes)");
        }
    }

    /** The shape as numpy prints it, e.g. {@code (100, 28, 28)} or {@code (100,)}. */
    public String shapeText() {
        StringBuilder out = new StringBuilder("(");
        for (int i = 0; i < shape.size(); i++) {
            out.append(i > 0 ? ", " : "").append(shape.get(i));
        }
        return out.append(shape.size() == 1 ? ",)" : ")").toString();
    }
}
