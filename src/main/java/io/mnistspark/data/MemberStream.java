package io.mnistspark.data;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Seekable;

/**
 * The stored bytes of one zip member: a window {@code [start, start + length)} of a seekable file.
 *
 * <p>Reads never pass the window, so a member cannot spill into the next one, and a corrupt length is
 * bounded by what was checked against the file size. {@link Seekable} positions are relative to the
 * member start, which lets a partition jump straight to its first record in a stored (np.savez) member.
 * Reads are sequential on the shared stream (a plain seek, then reads), which suits object stores
 * better than one positioned read per buffer.
 */
final class MemberStream extends InputStream implements Seekable {

    private final FSDataInputStream file;
    private final long start;
    private final long length;
    private final boolean ownsFile;
    private long pos;

    /**
     * @param ownsFile whether {@link #close()} closes {@code file}; false when several members are read
     *                 one after another through the same stream
     */
    MemberStream(FSDataInputStream file, long start, long length, boolean ownsFile) throws IOException {
        this.file = file;
        this.start = start;
        this.length = length;
        this.ownsFile = ownsFile;
        file.seek(start);
    }

    @Override
    public int read() throws IOException {
        if (pos >= length) {
            return -1;
        }
        int b = file.read();
        if (b < 0) {
            throw new EOFException("zip member ends " + (length - pos) + " bytes early: the file is truncated");
        }
        pos++;
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (pos >= length) {
            return -1;
        }
        int n = file.read(buffer, offset, (int) Math.min(len, length - pos));
        if (n < 0) {
            throw new EOFException("zip member ends " + (length - pos) + " bytes early: the file is truncated");
        }
        pos += n;
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long target = Math.min(length, pos + Math.max(0, n));
        long skipped = target - pos;
        seek(target);
        return skipped;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(Integer.MAX_VALUE, Math.min(file.available(), length - pos));
    }

    /** Moves to {@code position} bytes after the member start; past the member end is an error. */
    @Override
    public void seek(long position) throws IOException {
        if (position < 0 || position > length) {
            throw new EOFException("seek to " + position + " outside the " + length + "-byte zip member");
        }
        file.seek(start + position);
        pos = position;
    }

    @Override
    public long getPos() {
        return pos;
    }

    @Override
    public boolean seekToNewSource(long targetPos) {
        return false;
    }

    @Override
    public void close() throws IOException {
        if (ownsFile) {
            file.close();
        }
    }
}
