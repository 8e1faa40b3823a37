package io.mnistspark.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Where the records of a zip archive are, found by their signatures, and the size, count and offset fields in
 * them (APPNOTE 4.3): what a structure-aware mutation of an npz changes.
 */
final class ZipFields {
    /** A field: its offset in the archive, its width, and what it is. */
    record Field(int at, int width, String name) {
    }

    private final List<Field> fields;
    private final int[] hot;

    private ZipFields(List<Field> fields, int[] hot) {
        this.fields = fields;
        this.hot = hot;
    }

    /** The fields of every local header, central directory entry (with its zip64 extra values) and end record. */
    static ZipFields of(byte[] zip) {
        List<Field> fields = new ArrayList<>();
        List<Integer> hot = new ArrayList<>();
        for (int p = 0; p + 4 <= zip.length; p++) {
            if (zip[p] != 'P' || zip[p + 1] != 'K') {
                continue;
            }
            int signature = zip[p + 2] << 8 | zip[p + 3];
            int end = switch (signature) {
                case 0x0304 -> local(zip, p, fields);
                case 0x0102 -> central(zip, p, fields);
                case 0x0506 -> add(fields, p, 22, new int[][] {{8, 2}, {10, 2}, {12, 4}, {16, 4}, {20, 2}}, "end record");
                case 0x0606 -> add(fields, p, 56, new int[][] {{24, 8}, {32, 8}, {40, 8}, {48, 8}}, "zip64 end record");
                case 0x0607 -> add(fields, p, 20, new int[][] {{8, 8}, {16, 4}}, "zip64 locator");
                default -> -1;
            };
            if (end > p) {
                hot.add(p);
                hot.add(Math.min(end, zip.length));
            }
        }
        return new ZipFields(fields, hot.stream().mapToInt(Integer::intValue).toArray());
    }

    private static int local(byte[] zip, int p, List<Field> fields) {
        return add(fields, p, 30, new int[][] {{6, 2}, {8, 2}, {14, 4}, {18, 4}, {22, 4}, {26, 2}, {28, 2}}, "local header");
    }

    private static int central(byte[] zip, int p, List<Field> fields) {
        int end = add(fields, p, 46, new int[][] {{8, 2}, {10, 2}, {16, 4}, {20, 4}, {24, 4}, {28, 2}, {30, 2}, {32, 2},
            {42, 4}}, "central entry");
        if (p + 46 > zip.length) {
            return end;
        }
        int nameLength = LittleEndian.u16(zip, p + 28);
        int extraLength = LittleEndian.u16(zip, p + 30);
        int extra = p + 46 + nameLength;
        // the zip64 extra field (id 1): its 8-byte values follow the 4-byte id and size
        if (extraLength >= 4 && extra + 4 <= zip.length && LittleEndian.u16(zip, extra) == 1) {
            int size = LittleEndian.u16(zip, extra + 2);
            for (int v = 0; v + 8 <= size && extra + 4 + v + 8 <= zip.length; v += 8) {
                fields.add(new Field(extra + 4 + v, 8, "zip64 extra value " + v / 8 + " of the central entry at " + p));
            }
        }
        return extra + extraLength;
    }

    private static int add(List<Field> fields, int p, int length, int[][] offsets, String record) {
        for (int[] field : offsets) {
            fields.add(new Field(p + field[0], field[1], record + " at " + p + ", offset " + field[0]));
        }
        return p + length;
    }

    /** [start, end) pairs of the records found. */
    int[] hotRanges() {
        return hot.clone();
    }

    /** Sets one field, drawn at random, to a value at the edge of the size arithmetic (for 8-byte fields up to 2^64-1). */
    void setRandomField(byte[] zip, SplittableRandom random, Mutator mutator) {
        if (fields.isEmpty()) {
            mutator.note("no zip records found");
            return;
        }
        Field field = fields.get(random.nextInt(fields.size()));
        long value = mutator.interesting();
        if (field.width() == 8 && random.nextBoolean()) {
            value = new long[] {Long.MAX_VALUE, Long.MIN_VALUE, -1L, 1L << 40, (long) zip.length + random.nextInt(3) - 1,
                value << 32}[random.nextInt(6)];
        } else if (random.nextInt(4) == 0) {
            value = zip.length + random.nextInt(61) - 30L;
        }
        mutator.note(field.name());
        mutator.setField(zip, field.at(), field.width(), value, false);
    }
}
