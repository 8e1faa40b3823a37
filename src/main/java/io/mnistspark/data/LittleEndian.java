package io.mnistspark.data;

/** Unsigned little-endian fields of zip records, read from byte arrays. */
final class LittleEndian {

    private LittleEndian() {
    }

    static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    static long u32(byte[] b, int at) {
        return (u16(b, at) | (long) u16(b, at + 2) << 16) & 0xFFFFFFFFL;
    }

    /** A 64-bit field; values of 2^63 and above come back negative, which every caller refuses. */
    static long u64(byte[] b, int at) {
        return u32(b, at) | u32(b, at + 4) << 32;
    }
}
