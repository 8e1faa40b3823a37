package io.mnistspark.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generated and mutated npz files, in two kinds. Member-level: a small valid dataset of random shape, counts and
 * label dtype, one member given a generated {@code .npy} header (dtypes numpy would and would not write, shapes
 * of any rank with dimensions up to 2^63-1, broken dict syntax) or byte-level mutations, a member dropped or
 * renamed, then zipped correctly (stored or deflated, right CRCs). Archive-level: a valid archive (small, or the
 * 100-image fixtures with zip64 fields and deflate) whose zip records are changed: a field of a local header,
 * central directory entry, zip64 extra field or end record set to a value at the edge of the size arithmetic
 * ({@link ZipFields}), or 1 to 4 byte-level mutations, half of them inside those records.
 */
public final class FuzzNpz {
    static final String NAME = "case.npz";
    private static final String[] DESCRS = {"|u1", "u1", "|i1", "<u2", "<i2", "<u4", "<i4", "<u8", "<i8", ">i4", "<f8",
        "|O", "|b1", "<U3", "", "|V4", "<c16", ">u1"};
    private static final long[] DIMS = {0, 1, 2, 3, 4, 28, 1L << 24, (1L << 24) + 1, Integer.MAX_VALUE,
        1L << 31, 1L << 32, 1L << 40, Long.MAX_VALUE};
    private static final String[] FIXTURES = {"mnist-first100-zip64.npz", "mnist-first100-compressed.npz",
        "odd-shape.npz"};
    private static final String[] MEMBERS = {"x_train.npy", "y_train.npy", "x_test.npy", "y_test.npy"};

    private FuzzNpz() {
    }

    /** Writes case {@code random} as {@code dir/case.npz} ({@code dir} emptied first). */
    public static FuzzCase write(Path dir, SplittableRandom random) {
        FuzzCase.clear(dir);
        Mutator mutator = new Mutator(random);
        byte[] npz = random.nextInt(5) < 3 ? memberLevel(random, mutator) : archiveLevel(random, mutator);
        long bytes = FuzzCase.write(dir.resolve(NAME), npz);
        return new FuzzCase(dir.resolve(NAME), List.of(NAME), bytes, mutator.description());
    }

    private static byte[] memberLevel(SplittableRandom random, Mutator mutator) {
        Map<String, byte[]> members = smallDataset(random, mutator);
        String member = MEMBERS[random.nextInt(4)];
        switch (random.nextInt(6)) {
            case 0, 1 -> {
                String dict = dict(random);
                mutator.note(member + " gets header " + dict.strip());
                byte[] data = payload(members.get(member));
                members.put(member, npy(dict, random.nextInt(4) == 0 ? 2 : 1, data));
            }
            case 2, 3 -> {
                mutator.note("mutate " + member);
                members.put(member, mutator.mutate(members.get(member), 4, 0, 64));
            }
            case 4 -> {
                mutator.note("drop " + member);
                members.remove(member);
            }
            default -> {
                String other = random.nextBoolean() ? member.replace(".npy", "") : "extra.npy";
                mutator.note(other.equals("extra.npy") ? "add extra.npy" : "rename " + member + " to " + other);
                byte[] content = other.equals("extra.npy") ? members.get(member) : members.remove(member);
                members.put(other, content);
            }
        }
        boolean deflate = random.nextBoolean();
        mutator.note(deflate ? "deflated" : "stored");
        return TestData.zip(members, deflate);
    }

    private static byte[] archiveLevel(SplittableRandom random, Mutator mutator) {
        byte[] zip;
        if (random.nextBoolean()) {
            String fixture = FIXTURES[random.nextInt(FIXTURES.length)];
            mutator.note("fixture " + fixture);
            zip = TestData.resource("/fixtures/" + fixture);
        } else {
            boolean deflate = random.nextBoolean();
            zip = TestData.zip(smallDataset(random, mutator), deflate);
            mutator.note(deflate ? "deflated" : "stored");
        }
        ZipFields fields = ZipFields.of(zip);
        if (random.nextBoolean()) {
            byte[] changed = zip.clone();
            fields.setRandomField(changed, random, mutator);
            return changed;
        }
        return mutator.mutate(zip, 4, fields.hotRanges());
    }

    /** A valid dataset: x (n, rows, cols) uint8 and y (n,) of a random integer dtype, every class from 0 seen. */
    private static Map<String, byte[]> smallDataset(SplittableRandom random, Mutator mutator) {
        int rows = 1 + random.nextInt(4);
        int cols = 1 + random.nextInt(4);
        int train = 1 + random.nextInt(6);
        int test = random.nextInt(4);
        int classes = 1 + random.nextInt(Math.min(train, 3));
        String descr = DESCRS[random.nextInt(9)];
        int width = descr.endsWith("1") ? 1 : Integer.parseInt(descr.substring(2));
        long[] trainLabels = new long[train];
        for (int i = 0; i < train; i++) {
            trainLabels[i] = i % classes;
        }
        long[] testLabels = new long[test];
        for (int i = 0; i < test; i++) {
            testLabels[i] = random.nextInt(classes);
        }
        mutator.note("npz " + train + " train + " + test + " test images of " + rows + " x " + cols + ", labels " + descr);
        Map<String, byte[]> members = new LinkedHashMap<>();
        members.put("x_train.npy", TestData.npy("|u1", false, "(" + train + ", " + rows + ", " + cols + ")",
                TestData.pattern(train, rows * cols)));
        members.put("y_train.npy", TestData.npy(descr, false, "(" + train + ",)", TestData.littleEndian(width, trainLabels)));
        members.put("x_test.npy", TestData.npy("|u1", false, "(" + test + ", " + rows + ", " + cols + ")",
                TestData.pattern(test, rows * cols)));
        members.put("y_test.npy", TestData.npy(descr, false, "(" + test + ",)", TestData.littleEndian(width, testLabels)));
        return members;
    }

    /** A header dict: usually well formed with a drawn dtype and shape, sometimes broken in one of several ways. */
    private static String dict(SplittableRandom random) {
        StringBuilder shape = new StringBuilder("(");
        int rank = random.nextInt(5);
        for (int i = 0; i < rank; i++) {
            long dim = random.nextInt(8) == 0 ? -1 - random.nextInt(3) : DIMS[random.nextInt(DIMS.length)];
            shape.append(i > 0 ? ", " : "").append(dim);
        }
        shape.append(rank == 1 ? ",)" : ")");
        String descr = DESCRS[random.nextInt(DESCRS.length)];
        String order = random.nextInt(8) == 0 ? "True" : "False";
        String dict = "{'descr': '" + descr + "', 'fortran_order': " + order + ", 'shape': " + shape + ", }";
        return switch (random.nextInt(12)) {
            case 0 -> dict.replace("'shape'", "'shap'");
            case 1 -> dict.replace("}", "'shape': (1,), }");
            case 2 -> "{'descr': " + "(".repeat(40) + ")".repeat(40) + "}";
            case 3 -> dict.substring(0, random.nextInt(dict.length()));
            case 4 -> dict.replace(shape.toString(), "(99999999999999999999,)");
            case 5 -> dict + " x";
            case 6 -> dict.replace("'descr': '" + descr + "'", "'descr': [('a', '<i4')]");
            default -> dict;
        };
    }

    /** The data bytes of a member built by {@link TestData#npy}: after its 10-byte prefix and padded dict. */
    private static byte[] payload(byte[] npy) {
        int header = 10 + ((npy[8] & 0xFF) | (npy[9] & 0xFF) << 8);
        return java.util.Arrays.copyOfRange(npy, Math.min(header, npy.length), npy.length);
    }

    /** An {@code .npy} of format version 1 (2-byte header length) or 2 (4-byte) with this dict text. */
    private static byte[] npy(String dict, int version, byte[] data) {
        byte[] text = (dict + " ".repeat((64 - (dict.length() + 13) % 64) % 64) + "\n").getBytes(StandardCharsets.ISO_8859_1);
        int lengthBytes = version == 1 ? 2 : 4;
        ByteBuffer b = ByteBuffer.allocate(8 + lengthBytes + text.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) version).put((byte) 0);
        if (version == 1) {
            b.putShort((short) text.length);
        } else {
            b.putInt(text.length);
        }
        return b.put(text).put(data).array();
    }
}
