package io.mnistspark.data;

import io.mnistspark.numpy.NpyFormatException;
import io.mnistspark.numpy.NpyHeader;
import java.io.IOException;
import java.io.InputStream;

/**
 * An npz member whose {@code .npy} header has been read and judged fit to hold images or labels.
 *
 * <p>All checks happen on the header alone, before any data is read: dtype, order, rank, dimension
 * limits, and that the member's declared size is exactly what the shape needs. The last one is the
 * zip-bomb defence: a member cannot declare (or, read through {@link Streams#requireEnd}, inflate to)
 * more than its shape accounts for.
 *
 * @param where     member location for messages, {@code <npz>!/<member>}
 * @param count     number of records (first dimension)
 * @param shape     image shape, or null for a label array
 * @param labelType label encoding, or null for an image array
 * @param header    the parsed header
 */
record NpyArray(String where, int count, ImageShape shape, LabelType labelType, NpyHeader header) {

    /** Bytes per record: pixels of an image, or the label width. */
    int recordBytes() {
        return shape != null ? shape.pixels() : labelType.bytes();
    }

    long dataBytes() {
        return (long) count * recordBytes();
    }

    /** Reads and checks an image array header: uint8, C order, (n, rows, cols). */
    static NpyArray images(InputStream in, ZipDirectory.Member member, String where) throws IOException {
        NpyHeader header = header(in, where);
        if (!header.descr().equals("|u1") && !header.descr().equals("u1")) {
            throw new DataException(where + ": images must be uint8 (|u1), found " + dtypeProblem(header.descr())
                    + "; convert with x.astype(np.uint8)");
        }
        checkOrderAndRank(header, 3, "(n, rows, cols)", where);
        String problem = ImageShape.problem(header.shape().get(1), header.shape().get(2));
        if (problem != null) {
            throw new DataException(where + ": " + problem);
        }
        ImageShape shape = new ImageShape(header.shape().get(1).intValue(), header.shape().get(2).intValue());
        return checkSize(new NpyArray(where, count(header, where), shape, null, header), member);
    }

    /** Reads and checks a label array header: a little-endian integer dtype, C order, (n,). */
    static NpyArray labels(InputStream in, ZipDirectory.Member member, String where) throws IOException {
        NpyHeader header = header(in, where);
        LabelType type = labelType(header.descr());
        if (type == null) {
            throw new DataException(where + ": labels must be an integer array (|u1, |i1, <u2, <i2, <u4, <i4, <u8 "
                    + "or <i8), found " + dtypeProblem(header.descr()));
        }
        checkOrderAndRank(header, 1, "(n,)", where);
        return checkSize(new NpyArray(where, count(header, where), null, type, header), member);
    }

    /** The member's header; a malformed one is bad data, reported with the header parser's own message. */
    private static NpyHeader header(InputStream in, String where) throws IOException {
        try {
            return NpyHeader.read(in, where);
        } catch (NpyFormatException e) {
            throw new DataException(e.getMessage(), e);
        }
    }

    private static void checkOrderAndRank(NpyHeader header, int rank, String expected, String where) {
        if (header.fortranOrder()) {
            throw new DataException(where + ": fortran_order True is refused (records must be contiguous); "
                    + "save a C-order array, e.g. np.ascontiguousarray(a)");
        }
        if (header.shape().size() != rank) {
            throw new DataException(where + ": expected shape " + expected + ", found " + header.shapeText());
        }
    }

    private static int count(NpyHeader header, String where) {
        long count = header.shape().get(0);
        if (count > Integer.MAX_VALUE) {
            throw new DataException(where + ": shape " + header.shapeText() + " has " + count
                    + " records, more than the " + Integer.MAX_VALUE + " this reader supports");
        }
        return (int) count;
    }

    /** The member must declare exactly header + data bytes: fewer is truncation, more is refused unread. */
    private static NpyArray checkSize(NpyArray array, ZipDirectory.Member member) {
        long needed = array.header.headerBytes() + array.dataBytes();
        if (member.size() < needed) {
            throw new DataException(array.where + ": truncated: shape " + array.header.shapeText() + " needs "
                    + needed + " bytes but the member holds " + member.size());
        }
        if (member.size() > needed) {
            throw new DataException(array.where + ": member declares " + member.size() + " bytes but shape "
                    + array.header.shapeText() + " needs only " + needed + "; refused unread (corrupt, or a zip bomb)");
        }
        return array;
    }

    private static LabelType labelType(String descr) {
        return switch (descr) {
            case "|u1", "u1" -> LabelType.U1;
            case "|i1", "i1" -> LabelType.I1;
            case "<u2" -> LabelType.U2;
            case "<i2" -> LabelType.I2;
            case "<u4" -> LabelType.U4;
            case "<i4" -> LabelType.I4;
            case "<u8" -> LabelType.U8;
            case "<i8" -> LabelType.I8;
            default -> null;
        };
    }

    /** Names what is wrong with a dtype that was not accepted. */
    static String dtypeProblem(String descr) {
        String kind = descr.isEmpty() ? "" : descr.replaceAll("^[<>|=]", "");
        String why;
        if (descr.startsWith("structured dtype")) {
            return descr + " (record arrays are not supported)";
        } else if (kind.startsWith("O")) {
            why = "object dtype: pickled Python objects, which are never unpickled";
        } else if (descr.startsWith(">") && !kind.endsWith("1")) {
            why = "big-endian; save little-endian, e.g. a.astype('<" + kind + "')";
        } else if (kind.startsWith("f") || kind.startsWith("c")) {
            why = "floating-point or complex";
        } else if (kind.startsWith("b") || kind.startsWith("?")) {
            why = "boolean";
        } else if (kind.matches("[SUaV].*")) {
            why = "strings or raw bytes";
        } else {
            why = "not an accepted type";
        }
        return "dtype '" + descr + "' (" + why + ")";
    }
}
