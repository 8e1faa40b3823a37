package io.mnistspark.data;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.hadoop.fs.Seekable;

/** Byte-level helpers shared by the IDX and npz readers; they turn short reads into precise messages. */
final class Streams {

    /** Buffer size for streaming reads and for buffering a cursor's streams. */
    static final int BUFFER = 1 << 16;

    private Streams() {
    }

    /**
     * Reads up to {@code length} bytes, stopping early only at end of stream.
     *
     * @return the number of bytes read, less than {@code length} only at end of stream
     */
    static int readUpTo(InputStream in, byte[] buffer, int offset, int length) throws IOException {
        int done = 0;
        while (done < length) {
            int n = in.read(buffer, offset + done, length - done);
            if (n < 0) {
                break;
            }
            done += n;
        }
        return done;
    }

    /** Reads exactly {@code length} bytes or throws "{@code location}: truncated: {@code what}". */
    static void readFully(InputStream in, byte[] buffer, int length, String location, String what) throws IOException {
        int n = readUpTo(in, buffer, 0, length);
        if (n < length) {
            throw new DataException(location + ": truncated: the data ends " + n + " bytes into " + what
                    + " (" + length + " bytes)");
        }
    }

    /** Reads a big-endian 32-bit integer, as IDX headers store them. */
    static int readIntBigEndian(InputStream in, String location, String what) throws IOException {
        byte[] b = new byte[4];
        readFully(in, b, 4, location, what);
        return (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF);
    }

    /**
     * Reads and discards up to {@code length} bytes (through {@code scratch}), e.g. to hash a file without
     * holding it.
     *
     * @return the number of bytes consumed, less than {@code length} only at end of stream
     */
    static long consume(InputStream in, long length, byte[] scratch) throws IOException {
        long done = 0;
        while (done < length) {
            int want = (int) Math.min(scratch.length, length - done);
            int n = readUpTo(in, scratch, 0, want);
            done += n;
            if (n < want) {
                break;
            }
        }
        return done;
    }

    /**
     * Moves {@code length} bytes forward. A raw file on a Hadoop file system (or a stored npz member) is
     * {@link Seekable} and is positioned directly; a decompressing stream cannot be, so its bytes are read
     * and discarded: gzip and deflate carry no index of record boundaries.
     */
    static void skip(InputStream in, long length, String location, String what) throws IOException {
        if (length == 0) {
            return;
        }
        if (in instanceof Seekable seekable) {
            seekable.seek(seekable.getPos() + length);
            return;
        }
        long done = consume(in, length, new byte[(int) Math.min(BUFFER, length)]);
        if (done < length) {
            throw new DataException(location + ": truncated: the data ends " + done + " bytes into the "
                    + length + " bytes before " + what);
        }
    }

    /**
     * Checks that nothing follows the data a header accounts for. Reads at most one byte, so a stream that
     * would inflate to gigabytes beyond its declared content is stopped here, not drained.
     */
    static void requireEnd(InputStream in, String location, String what) throws IOException {
        if (in.read() >= 0) {
            throw new DataException(location + ": more data follows " + what
                    + "; the header does not describe the file (corrupt or not this format)");
        }
    }

    /** Wraps an I/O failure as a one-line {@link DataException} naming the location and the action. */
    static DataException failure(String location, String action, IOException e) {
        String detail = e.getMessage() == null || e.getMessage().isBlank()
                ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        return new DataException(location + ": " + action + " (" + detail + ")", e);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    /** Lowercase hex of a finished digest. */
    static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }
}
