package io.mnistspark.data;

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
 * <p>Only the header is parsed; the meaning of the dtype is judged by {@link NpzDataset}, which knows
 * whether the array should hold images or labels.
 *
 * @param descr        the dtype string, e.g. {@code |u1} or {@code <i8}; for a structured dtype (a list of
 *                     fields) its Python text, which no check accepts
 * @param fortranOrder whether the data is stored column-major
 * @param shape        the dimensions, each {@code >= 0}
 * @param headerBytes  bytes before the array data (magic, version, length field, dict, padding)
 */
record NpyHeader(String descr, boolean fortranOrder, List<Long> shape, int headerBytes) {

    /** Longest dict accepted. numpy writes well under 200 bytes; its own reader stops at 10000. */
    static final int MAX_DICT_BYTES = 1 << 16;

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    NpyHeader {
        shape = List.copyOf(shape);
    }

    /** Reads the header at the start of a member stream. */
    static NpyHeader read(InputStream in, String location) throws IOException {
        byte[] prefix = new byte[8];
        Streams.readFully(in, prefix, prefix.length, location, "the .npy magic and version");
        for (int i = 0; i < MAGIC.length; i++) {
            if (prefix[i] != MAGIC[i]) {
                throw new DataException(location + ": not a .npy array (expected magic \\x93NUMPY, found "
                        + String.format("%02x %02x %02x...", prefix[0], prefix[1], prefix[2]) + ")"
                        + ((prefix[0] & 0xFF) == 0x80 ? "; it looks like a Python pickle, which is never loaded" : ""));
            }
        }
        int major = prefix[6] & 0xFF;
        int minor = prefix[7] & 0xFF;
        if (major < 1 || major > 3) {
            throw new DataException(location + ": .npy format version " + major + "." + minor
                    + " is not supported (1.0, 2.0 and 3.0 are)");
        }
        int lengthBytes = major == 1 ? 2 : 4;
        byte[] lengthField = new byte[lengthBytes];
        Streams.readFully(in, lengthField, lengthBytes, location, "the .npy header length");
        long dictBytes = 0;
        for (int i = lengthBytes - 1; i >= 0; i--) {
            dictBytes = dictBytes << 8 | (lengthField[i] & 0xFF);
        }
        if (dictBytes > MAX_DICT_BYTES) {
            throw new DataException(location + ": .npy header claims " + dictBytes + " bytes, more than the "
                    + MAX_DICT_BYTES + " accepted; the member is corrupt or not written by numpy");
        }
        byte[] dict = new byte[(int) dictBytes];
        Streams.readFully(in, dict, dict.length, location, "the .npy header");
        String text = new String(dict, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        return fromDict(text, 8 + lengthBytes + dict.length, location);
    }

    private static NpyHeader fromDict(String text, int headerBytes, String location) {
        Object parsed;
        try {
            parsed = PyLiteral.parse(text);
        } catch (IllegalArgumentException e) {
            throw new DataException(location + ": .npy header is not a Python dict literal (" + e.getMessage() + ")", e);
        }
        if (!(parsed instanceof Map<?, ?> dict)) {
            throw new DataException(location + ": .npy header is not a dict: " + text.strip());
        }
        Object descr = dict.get("descr");
        Object fortran = dict.get("fortran_order");
        Object shape = dict.get("shape");
        if (descr == null || !(fortran instanceof Boolean) || !(shape instanceof List<?> dims)) {
            throw new DataException(location + ": .npy header lacks descr, fortran_order or shape: " + text.strip());
        }
        Long[] sizes = new Long[dims.size()];
        for (int i = 0; i < sizes.length; i++) {
            if (!(dims.get(i) instanceof Long size) || size < 0) {
                throw new DataException(location + ": .npy shape " + shape + " has a dimension that is not a "
                        + "non-negative integer");
            }
            sizes[i] = size;
        }
        String descrText = descr instanceof String s ? s : "structured dtype " + descr;
        return new NpyHeader(descrText, (Boolean) fortran, List.of(sizes), headerBytes);
    }

    /** The shape as numpy prints it, e.g. {@code (100, 28, 28)} or {@code (100,)}. */
    String shapeText() {
        StringBuilder out = new StringBuilder("(");
        for (int i = 0; i < shape.size(); i++) {
            out.append(i > 0 ? ", " : "").append(shape.get(i));
        }
        return out.append(shape.size() == 1 ? ",)" : ")").toString();
    }
}
