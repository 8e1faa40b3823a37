package io.mnistspark.data;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Byte-level mutations of a file, each drawn from one case's random stream and written down, so a failing
 * case says what was done to the file: bit flips, bytes and 2-, 4- or 8-byte fields (either byte order) set to
 * values that break size arithmetic, truncation, extension, deleted, repeated and inserted ranges. Positions
 * fall into the given hot ranges (headers, directory records) half of the time, anywhere otherwise.
 */
public final class Mutator {
    /** 32-bit values at the edges of counts, sizes and offsets. */
    static final long[] INTERESTING = {0, 1, 2, 3, 0x7F, 0x80, 0xFF, 0x100, 0xFFFF, 0x10000, 784, 60000, 2049, 2051,
        1 << 24, (1 << 24) + 1, 0x7FFFFFFFL, 0x80000000L, 0xFFFFFFFEL, 0xFFFFFFFFL};

    private final SplittableRandom random;
    private final List<String> done = new ArrayList<>();

    public Mutator(SplittableRandom random) {
        this.random = random;
    }

    /** What was done so far, e.g. {@code "flip bit 3 of byte 17; truncate to 40"}. */
    public String description() {
        return done.isEmpty() ? "unchanged" : String.join("; ", done);
    }

    /** 1 to {@code maxOps} mutations of {@code input} (not modified); {@code hot} holds [start, end) pairs. */
    public byte[] mutate(byte[] input, int maxOps, int... hot) {
        byte[] bytes = input.clone();
        int ops = 1 + random.nextInt(maxOps);
        for (int i = 0; i < ops; i++) {
            bytes = once(bytes, hot);
        }
        return bytes;
    }

    /** One interesting 32-bit value, sometimes moved by -1..+1. */
    public long interesting() {
        long value = INTERESTING[random.nextInt(INTERESTING.length)];
        return random.nextInt(4) == 0 ? (value + random.nextInt(3) - 1) & 0xFFFFFFFFL : value;
    }

    /** Writes {@code value} as a {@code width}-byte integer at {@code at}, little- or big-endian. */
    public void setField(byte[] bytes, int at, int width, long value, boolean bigEndian) {
        for (int i = 0; i < width && at + i < bytes.length; i++) {
            int shift = 8 * (bigEndian ? width - 1 - i : i);
            bytes[at + i] = (byte) (value >>> shift);
        }
        done.add("set " + width + "-byte " + (bigEndian ? "BE" : "LE") + " field at " + at + " to " + value);
    }

    /** Notes a structure-aware change made by the caller. */
    public void note(String what) {
        done.add(what);
    }

    private byte[] once(byte[] bytes, int[] hot) {
        if (bytes.length == 0) {
            byte[] grown = randomBytes(1 + random.nextInt(16));
            done.add("replace the empty file by " + grown.length + " random bytes");
            return grown;
        }
        int at = position(bytes.length, hot);
        switch (random.nextInt(9)) {
            case 0 -> {
                int bit = random.nextInt(8);
                bytes[at] ^= (byte) (1 << bit);
                done.add("flip bit " + bit + " of byte " + at);
            }
            case 1 -> {
                long value = interesting();
                bytes[at] = (byte) value;
                done.add("set byte " + at + " to " + (value & 0xFF));
            }
            case 2, 3 -> {
                int width = new int[] {2, 4, 4, 8}[random.nextInt(4)];
                long value = width == 8 && random.nextBoolean() ? interesting() << 32 | interesting() : interesting();
                setField(bytes, at, width, value, random.nextBoolean());
            }
            case 4 -> {
                int length = random.nextInt(bytes.length);
                done.add("truncate to " + length + " of " + bytes.length + " bytes");
                return Arrays.copyOf(bytes, length);
            }
            case 5 -> {
                byte[] tail = random.nextBoolean() ? new byte[1 + random.nextInt(64)] : randomBytes(1 + random.nextInt(64));
                done.add("append " + tail.length + " bytes");
                return concat(bytes, bytes.length, tail, new byte[0], bytes.length);
            }
            case 6 -> {
                int length = 1 + random.nextInt(Math.min(32, bytes.length - at));
                done.add("delete bytes [" + at + ", " + (at + length) + ")");
                return concat(Arrays.copyOf(bytes, at), at, new byte[0], bytes, at + length);
            }
            case 7 -> {
                int length = 1 + random.nextInt(Math.min(32, bytes.length - at));
                done.add("repeat bytes [" + at + ", " + (at + length) + ")");
                return concat(Arrays.copyOf(bytes, at + length), at + length, Arrays.copyOfRange(bytes, at, at + length),
                        bytes, at + length);
            }
            default -> {
                byte[] inserted = randomBytes(1 + random.nextInt(16));
                done.add("insert " + inserted.length + " random bytes at " + at);
                return concat(Arrays.copyOf(bytes, at), at, inserted, bytes, at);
            }
        }
        return bytes;
    }

    private int position(int length, int[] hot) {
        if (hot.length >= 2 && random.nextBoolean()) {
            int pair = 2 * random.nextInt(hot.length / 2);
            int start = Math.min(hot[pair], length - 1);
            int end = Math.min(Math.max(hot[pair + 1], start + 1), length);
            return start + random.nextInt(end - start);
        }
        return random.nextInt(length);
    }

    private byte[] randomBytes(int n) {
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) random.nextInt(256);
        }
        return out;
    }

    /** {@code head[0, headLength)}, then {@code middle}, then {@code tail[tailFrom, end)}. */
    private static byte[] concat(byte[] head, int headLength, byte[] middle, byte[] tail, int tailFrom) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(head, 0, headLength);
        out.write(middle, 0, middle.length);
        if (tailFrom < tail.length) {
            out.write(tail, tailFrom, tail.length - tailFrom);
        }
        return out.toByteArray();
    }
}
