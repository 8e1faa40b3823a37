package io.mnistspark.data;

import static io.mnistspark.data.TestData.assertRefused;
import static io.mnistspark.data.TestData.littleEndian;
import static io.mnistspark.data.TestData.npy;
import static io.mnistspark.data.TestData.npzWithTrainLabels;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of broken npz is refused with a one-line message naming the member and the fault. Each test
 * starts from {@link TestData#smallNpzMembers} and breaks one thing.
 */
class NpzBadInputTest {

    @TempDir
    Path dir;

    private String refused(byte[] npz, String... fragments) {
        Path file = dir.resolve("bad.npz");
        TestData.write(file, npz);
        return assertRefused(() -> DatasetReader.inspect(new NpzArchive(file.toString()), TestData.conf()), fragments);
    }

    private static byte[] npzWith(String member, byte[] content) {
        Map<String, byte[]> members = TestData.smallNpzMembers();
        members.put(member, content);
        return TestData.zip(members, false);
    }

    @Test
    void imagesMustBeUint8() {
        refused(npzWith("x_train.npy", npy("<f4", false, "(4, 2, 3)", new byte[96])),
                "bad.npz!/x_train.npy: images must be uint8", "'<f4' (floating-point");
    }

    @Test
    void bigEndianLabelsAreRefused() {
        refused(npzWithTrainLabels(npy(">i4", false, "(4,)", new byte[16])),
                "bad.npz!/y_train.npy: labels must be an integer array", "'>i4' (big-endian");
    }

    @Test
    void objectArraysAreRefusedAndNeverUnpickled() {
        byte[] pickle = {(byte) 0x80, 4, (byte) 0x95, 0, 0, 0, 0, 0, 0, 0, 0, 'N', '.'};
        refused(npzWithTrainLabels(npy("|O", false, "(4,)", pickle)),
                "bad.npz!/y_train.npy", "object dtype", "never unpickled");
        refused(npzWithTrainLabels(pickle), "bad.npz!/y_train.npy: not a .npy array", "pickle");
    }

    @Test
    void fortranOrderIsRefused() {
        refused(npzWith("x_test.npy", npy("|u1", true, "(2, 2, 3)", new byte[12])),
                "bad.npz!/x_test.npy: fortran_order True is refused");
    }

    @Test
    void wrongRanksAreRefused() {
        refused(npzWith("x_train.npy", npy("|u1", false, "(4, 6)", new byte[24])),
                "bad.npz!/x_train.npy: expected shape (n, rows, cols), found (4, 6)");
        refused(npzWithTrainLabels(npy("|u1", false, "(4, 1)", new byte[4])),
                "bad.npz!/y_train.npy: expected shape (n,), found (4, 1)");
    }

    @Test
    void structuredDtypeAndBrokenHeaderAreRefused() {
        byte[] structured = npy("|u1", false, "(4,)", new byte[4]);
        String text = new String(structured, StandardCharsets.ISO_8859_1).replace("'descr': '|u1'", "'descr': [('a', '|u1')]");
        refused(npzWithTrainLabels(Arrays.copyOf(text.getBytes(StandardCharsets.ISO_8859_1), structured.length)),
                "structured dtype");
        byte[] broken = npy("|u1", false, "(4,", new byte[4]);
        refused(npzWithTrainLabels(broken), "bad.npz!/y_train.npy: .npy header is not a Python dict literal");
    }

    @Test
    void missingMemberIsNamedWithWhatIsThere() {
        Map<String, byte[]> members = TestData.smallNpzMembers();
        members.remove("y_test.npy");
        refused(TestData.zip(members, true), "bad.npz: missing member y_test.npy",
                "members: x_train.npy, y_train.npy, x_test.npy");
    }

    @Test
    void labelsOutsideZeroTo255AreRefused() {
        refused(npzWithTrainLabels(npy("|i1", false, "(4,)", littleEndian(1, 0, 1, -1, 1))),
                "bad.npz!/y_train.npy: label -1 at record 2 is outside [0, 255]");
        refused(npzWithTrainLabels(npy("<i2", false, "(4,)", littleEndian(2, 0, 300, 1, 1))),
                "bad.npz!/y_train.npy: label 300 at record 1");
        refused(npzWithTrainLabels(npy("<u8", false, "(4,)", littleEndian(8, 0, 1, 2, -1))),
                "label 18446744073709551615 at record 3");
    }

    @Test
    void testLabelOutsideTheTrainingClassesIsRefused() {
        refused(npzWith("y_test.npy", npy("|u1", false, "(2,)", new byte[] {1, 3})),
                "bad.npz!/y_test.npy: label 3 at record 1 is outside the 3 classes");
    }

    @Test
    void countsMustAgreeAndTrainingMustNotBeEmpty() {
        refused(npzWithTrainLabels(npy("|u1", false, "(3,)", new byte[] {0, 1, 2})),
                "bad.npz!/x_train.npy: holds 4 images but", "y_train.npy holds 3 labels");
        Map<String, byte[]> members = TestData.smallNpzMembers();
        members.put("x_train.npy", npy("|u1", false, "(0, 2, 3)", new byte[0]));
        members.put("y_train.npy", npy("|u1", false, "(0,)", new byte[0]));
        refused(TestData.zip(members, false), "bad.npz!/x_train.npy: the training part holds 0 records");
    }

    @Test
    void absurdShapesAreRefusedBeforeReading() {
        refused(npzWith("x_train.npy", npy("|u1", false, "(3000000000, 28, 28)", new byte[0])),
                "x_train.npy: shape (3000000000, 28, 28) has 3000000000 records, more than the 2147483647");
        refused(npzWith("x_train.npy", npy("|u1", false, "(4, 100000, 100000)", new byte[0])),
                "x_train.npy: image dimensions 100000 x 100000 exceed the limit");
        refused(npzWith("x_train.npy", npy("|u1", false, "(400, 2, 3)", new byte[24])),
                "x_train.npy: truncated: shape (400, 2, 3) needs 2528 bytes but the member holds 152");
    }

    @Test
    void memberDeclaringFarMoreThanItsShapeNeedsIsRefusedUnread() {
        byte[] header = npy("|u1", false, "(4,)", new byte[] {0, 1, 2, 1});
        byte[] bomb = Arrays.copyOf(header, header.length + (8 << 20));
        Map<String, byte[]> members = TestData.smallNpzMembers();
        members.put("y_train.npy", bomb);
        refused(TestData.zip(members, true), "bad.npz!/y_train.npy: member declares 8388740 bytes but shape (4,) "
                + "needs only 132", "zip bomb");
    }

    @Test
    void memberInflatingBeyondItsDeclaredSizeIsStoppedThere() {
        byte[] header = npy("|u1", false, "(4,)", new byte[] {0, 1, 2, 1});
        Map<String, byte[]> members = TestData.smallNpzMembers();
        members.put("y_train.npy", Arrays.copyOf(header, header.length + (8 << 20)));
        byte[] zip = declareSize(TestData.zip(members, true), "y_train.npy", header.length);
        refused(zip, "bad.npz!/y_train.npy: more data follows the 4 labels");
    }

    @Test
    void corruptedMemberDataFailsItsCrc() {
        byte[] zip = TestData.zip(TestData.smallNpzMembers(), false);
        zip[30 + "x_train.npy".length() + 128 + 5] ^= 1;  // a pixel of the first (stored) member; header 128 bytes
        refused(zip, "bad.npz!/x_train.npy: CRC-32", "the npz is corrupt");
    }

    @Test
    void notAZipOrCutShortIsRefused() {
        refused("this is not a zip archive at all, just text".getBytes(StandardCharsets.US_ASCII),
                "bad.npz: not a zip archive");
        byte[] zip = TestData.zip(TestData.smallNpzMembers(), false);
        refused(Arrays.copyOf(zip, zip.length / 2), "bad.npz: not a zip archive");
    }

    @Test
    void directoryGivenAsNpzAndNonexistentNpz() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("mnist.npz"));
        assertRefused(() -> DatasetReader.inspect(new NpzArchive(folder.toString()), TestData.conf()),
                "mnist.npz: is a directory, not an .npz file");
        String missing = dir.resolve("missing.npz").toString();
        assertRefused(() -> DatasetReader.inspect(new NpzArchive(missing), TestData.conf()), "missing.npz: does not exist");
        assertRefused(() -> DatasetReader.open(new NpzArchive(missing), Part.TRAIN, 0, 1, TestData.conf()), "does not exist");
    }

    @Test
    void npzGivenAsIdxDirectoryIsRefused() {
        Path file = TestData.fixture(dir, "mnist-first100.npz");
        assertRefused(() -> DatasetReader.inspect(new IdxDirectory(file.toString()), TestData.conf()),
                "mnist-first100.npz: is a file, not a directory");
    }

    @Test
    void openChecksHeadersAndRange() {
        Path file = dir.resolve("small.npz");
        TestData.write(file, TestData.zip(TestData.smallNpzMembers(), true));
        NpzArchive npz = new NpzArchive(file.toString());
        assertRefused(() -> DatasetReader.open(npz, Part.TEST, 0, 3, TestData.conf()),
                "small.npz!/x_test.npy: records [0, 3) requested but the file holds 2 records");
        TestData.write(file, npzWith("x_test.npy", npy("<i4", false, "(2, 2, 3)", new byte[48])));
        assertRefused(() -> DatasetReader.open(npz, Part.TEST, 0, 1, TestData.conf()), "images must be uint8");
    }

    /** Overwrites a member's uncompressed size in the central directory (a lying archive). */
    private static byte[] declareSize(byte[] zip, String member, int size) {
        byte[] name = member.getBytes(StandardCharsets.US_ASCII);
        for (int p = zip.length - 46; p >= 0; p--) {
            ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
            if (b.getInt(p) == 0x02014b50 && Arrays.equals(Arrays.copyOfRange(zip, p + 46, p + 46 + name.length), name)) {
                b.putInt(p + 24, size);
                return zip;
            }
        }
        throw new IllegalStateException(member + " not in the central directory");
    }
}
