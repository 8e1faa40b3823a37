package io.mnistspark.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.apache.hadoop.fs.FSDataInputStream;

/**
 * The central directory of a zip archive (an npz), read from the end of a seekable file.
 *
 * <p>Why not {@link java.util.zip.ZipInputStream}: it can only walk members front to back, inflating each
 * one it passes, so opening {@code x_test} would inflate all of {@code x_train} first and a stored member
 * could not be entered at a record offset. The central directory gives every member's sizes, CRC and
 * offset up front; sizes are then known before a byte is inflated (the zip-bomb check in
 * {@link NpzDataset}). Zip64 fields are read wherever the 32-bit ones are saturated, as numpy writes them.
 * Only what numpy produces is accepted: stored or deflated, unencrypted, single-disk.
 */
final class ZipDirectory {

    private static final int EOCD = 0x06054b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_EOCD = 0x06064b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int LOCAL = 0x04034b50;
    /** Central directories larger than this are refused; an npz of four arrays needs a few hundred bytes. */
    private static final long MAX_CENTRAL_BYTES = 1 << 24;

    /** A member as the central directory describes it. Sizes and offset are non-negative. */
    record Member(String name, int method, int flags, long crc, long compressedSize, long size, long localOffset) {
        static final int STORED = 0;
        static final int DEFLATED = 8;
    }

    private final String location;
    private final long fileLength;
    private final long centralOffset;
    private final Map<String, Member> members;

    private ZipDirectory(String location, long fileLength, long centralOffset, Map<String, Member> members) {
        this.location = location;
        this.fileLength = fileLength;
        this.centralOffset = centralOffset;
        this.members = members;
    }

    /** Reads the end records and the central directory of the {@code length}-byte file behind {@code in}. */
    static ZipDirectory read(FSDataInputStream in, long length, String location) throws IOException {
        int tailLength = (int) Math.min(length, 22 + 0xFFFF);
        byte[] tail = readAt(in, length - tailLength, tailLength);
        int eocd = -1;
        for (int i = tailLength - 22; i >= 0 && eocd < 0; i--) {
            if (LittleEndian.u32(tail, i) == EOCD && i + 22 + LittleEndian.u16(tail, i + 20) <= tailLength) {
                eocd = i;
            }
        }
        if (eocd < 0) {
            throw new DataException(location + ": not a zip archive (no end-of-central-directory record); "
                    + "an .npz must be a zip written by np.savez or np.savez_compressed");
        }
        long eocdPosition = length - tailLength + eocd;
        long entries = LittleEndian.u16(tail, eocd + 10);
        long centralSize = LittleEndian.u32(tail, eocd + 12);
        long centralOffset = LittleEndian.u32(tail, eocd + 16);
        long centralEnd = eocdPosition;
        if (eocdPosition >= 20) {
            byte[] locator = readAt(in, eocdPosition - 20, 20);
            if (LittleEndian.u32(locator, 0) == ZIP64_LOCATOR) {
                long zip64Position = LittleEndian.u64(locator, 8);
                if (zip64Position < 0 || zip64Position > eocdPosition - 56) {
                    throw corrupt(location, "zip64 end record offset " + zip64Position + " is outside the file");
                }
                byte[] zip64 = readAt(in, zip64Position, 56);
                if (LittleEndian.u32(zip64, 0) != ZIP64_EOCD) {
                    throw corrupt(location, "no zip64 end record where the zip64 locator points");
                }
                entries = LittleEndian.u64(zip64, 32);
                centralSize = LittleEndian.u64(zip64, 40);
                centralOffset = LittleEndian.u64(zip64, 48);
                centralEnd = zip64Position;
            }
        }
        if (centralSize < 0 || centralOffset < 0 || centralSize > MAX_CENTRAL_BYTES
                || centralOffset > centralEnd - centralSize) {
            throw corrupt(location, "central directory of " + centralSize + " bytes at offset " + centralOffset
                    + " does not fit before byte " + centralEnd);
        }
        byte[] central = readAt(in, centralOffset, (int) centralSize);
        Map<String, Member> members = parseCentral(central, entries, location);
        return new ZipDirectory(location, length, centralOffset, members);
    }

    private static Map<String, Member> parseCentral(byte[] central, long entries, String location) {
        Map<String, Member> members = new LinkedHashMap<>();
        int p = 0;
        while (p + 46 <= central.length && LittleEndian.u32(central, p) == CENTRAL) {
            int flags = LittleEndian.u16(central, p + 8);
            int method = LittleEndian.u16(central, p + 10);
            long crc = LittleEndian.u32(central, p + 16);
            long compressed = LittleEndian.u32(central, p + 20);
            long size = LittleEndian.u32(central, p + 24);
            int nameLength = LittleEndian.u16(central, p + 28);
            int extraLength = LittleEndian.u16(central, p + 30);
            int commentLength = LittleEndian.u16(central, p + 32);
            long offset = LittleEndian.u32(central, p + 42);
            int next = p + 46 + nameLength + extraLength + commentLength;
            if (next > central.length) {
                throw corrupt(location, "central directory entry " + members.size() + " runs past the directory");
            }
            String name = new String(central, p + 46, nameLength,
                    (flags & 0x800) != 0 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            long[] wide = {size, compressed, offset};
            Zip64Extra.apply(central, p + 46 + nameLength, extraLength, wide, location + "!/" + name);
            Member member = new Member(name, method, flags, crc, wide[1], wide[0], wide[2]);
            if (members.put(name, member) != null) {
                throw corrupt(location, "member " + name + " appears twice");
            }
            p = next;
        }
        if (members.size() != entries) {
            throw corrupt(location, "the end record announces " + entries + " members but the central directory holds "
                    + members.size());
        }
        return members;
    }

    /** The member called {@code name}; refuses when absent, listing what is there. */
    Member member(String name) {
        Member member = members.get(name);
        if (member == null) {
            throw new DataException(location + ": missing member " + name + " (members: "
                    + (members.isEmpty() ? "none" : String.join(", ", members.keySet()))
                    + "); a Keras-style mnist.npz holds x_train, y_train, x_test and y_test");
        }
        return member;
    }

    /**
     * Opens a member's decoded bytes: a {@link MemberStream} for a stored member (seekable), an inflating
     * stream over one for a deflated member. Checks the local header and that the data lies inside the file.
     *
     * @param ownsFile whether closing the returned stream closes {@code in}
     */
    InputStream open(FSDataInputStream in, Member member, boolean ownsFile) throws IOException {
        String where = location + "!/" + member.name();
        if ((member.flags() & 1) != 0) {
            throw new DataException(where + ": member is encrypted; numpy never encrypts, so this is not an npz");
        }
        if (member.method() != Member.STORED && member.method() != Member.DEFLATED) {
            throw new DataException(where + ": compression method " + member.method() + " is not supported "
                    + "(only stored and deflated, as np.savez and np.savez_compressed write)");
        }
        if (member.method() == Member.STORED && member.compressedSize() != member.size()) {
            throw corrupt(location, "stored member " + member.name() + " has different stored (" + member.compressedSize()
                    + ") and declared (" + member.size() + ") sizes");
        }
        if (member.localOffset() > centralOffset - 30) {
            throw corrupt(location, "member " + member.name() + " starts at " + member.localOffset() + ", past the data");
        }
        byte[] local = readAt(in, member.localOffset(), 30);
        int nameLength = LittleEndian.u16(local, 26);
        long dataStart = member.localOffset() + 30 + nameLength + LittleEndian.u16(local, 28);
        byte[] localName = readAt(in, member.localOffset() + 30, Math.min(nameLength, 0xFFFF));
        if (LittleEndian.u32(local, 0) != LOCAL
                || !member.name().equals(new String(localName, StandardCharsets.UTF_8))
                        && !member.name().equals(new String(localName, StandardCharsets.ISO_8859_1))) {
            throw corrupt(location, "the local header of " + member.name() + " is missing or names another member");
        }
        // compared as a room left, not as an end: a zip64 size near 2^63 would wrap dataStart + size negative
        if (member.compressedSize() > Math.min(centralOffset, fileLength) - dataStart) {
            throw corrupt(location, "member " + member.name() + " claims " + member.compressedSize()
                    + " stored bytes, beyond the end of the member data (the file is truncated?)");
        }
        MemberStream stored = new MemberStream(in, dataStart, member.compressedSize(), ownsFile);
        if (member.method() == Member.STORED) {
            return stored;
        }
        return new MemberInflater(stored);
    }

    private static byte[] readAt(FSDataInputStream in, long position, int length) throws IOException {
        byte[] bytes = new byte[length];
        in.seek(position);
        in.readFully(bytes);
        return bytes;
    }

    private static DataException corrupt(String location, String what) {
        return new DataException(location + ": corrupt zip archive: " + what);
    }

    /** Raw-deflate reader that also releases its native inflater, which InflaterInputStream does not for a given one. */
    private static final class MemberInflater extends InflaterInputStream {
        MemberInflater(InputStream stored) {
            super(stored, new Inflater(true), Streams.BUFFER);
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                inf.end();
            }
        }
    }
}
