package io.mnistspark.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keras-style npz files written by numpy (stored and deflated), re-zipped with zip64 records by Python's
 * zipfile, and of another shape and label dtype; golden values from fixtures/golden-values.txt.
 */
class NpzArchiveTest {

    private static final String[] MNIST_FIXTURES = {
        "mnist-first100.npz", "mnist-first100-compressed.npz", "mnist-first100-zip64.npz"};

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"mnist-first100.npz", "mnist-first100-compressed.npz", "mnist-first100-zip64.npz"})
    void mnistFixturesReadWithNumpysValues(String fixture) {
        NpzArchive npz = new NpzArchive(TestData.fixture(dir, fixture).toString());
        DatasetInfo info = DatasetReader.inspect(npz, TestData.conf());
        assertEquals(100, info.count(Part.TRAIN));
        assertEquals(50, info.count(Part.TEST));
        assertEquals(new ImageShape(28, 28), info.shape());
        assertEquals(10, info.classes());
        assertArrayEquals(new int[] {5, 0, 4, 1, 9, 2, 1, 3, 1, 4}, Arrays.copyOf(info.trainLabels(), 10));
        assertArrayEquals(new int[] {7, 2, 1, 0, 4, 1, 4, 9, 5, 9}, Arrays.copyOf(info.testLabels(), 10));
        assertEquals(List.of(fixture + ":x_train.npy", fixture + ":y_train.npy", fixture + ":x_test.npy",
                fixture + ":y_test.npy"), info.files().stream().map(DataFile::name).toList());
        assertEquals(List.of("ef10ed256216aea1811c6026c037f7ee49a7134a7040b22db0fc163e4b733a9f",
                "7531f8826e867250a9b03483290d3f4e7e9866fbf0914628ea9281ec862b17e5",
                "6c34b9b34089555e5deff7fa121418a3630c68b2e09bb54d36aa3bf3dc6f08e7",
                "8ea402e8d71f9f65942f813c4ce980784ca356dab22f6de9af7879fc503b2a43"),
                info.files().stream().map(DataFile::sha256).toList());
        assertEquals("file:" + dir.resolve(fixture) + "!/x_train.npy", info.files().get(0).location());

        int[] labels = new int[100];
        try (RecordCursor cursor = DatasetReader.open(npz, Part.TRAIN, 0, 100, TestData.conf())) {
            assertEquals(2530887L, TestData.sums(cursor, 100, labels)[0]);
        }
        assertArrayEquals(info.trainLabels(), labels);
        try (RecordCursor cursor = DatasetReader.open(npz, Part.TEST, 0, 50, TestData.conf())) {
            assertEquals(1136989L, TestData.sums(cursor, 50, null)[0]);
        }
    }

    @Test
    void storedSizesAreTheZipMemberSizes() {
        DatasetInfo stored = DatasetReader.inspect(
                new NpzArchive(TestData.fixture(dir, "mnist-first100.npz").toString()), TestData.conf());
        DatasetInfo deflated = DatasetReader.inspect(
                new NpzArchive(TestData.fixture(dir, "mnist-first100-compressed.npz").toString()), TestData.conf());
        // from zipinfo: x_train.npy is 78528 bytes, deflated to 16145
        assertEquals(78528L, stored.files().get(0).storedBytes());
        assertEquals(16145L, deflated.files().get(0).storedBytes());
    }

    @Test
    void everyFixtureGivesTheSameRecordsAsTheEmbeddedMnistForAnyRange() {
        int[] expectedLabels = new int[100];
        byte[] expected = TestData.records(new EmbeddedMnist(), Part.TRAIN, 0, 100, expectedLabels);
        for (String fixture : MNIST_FIXTURES) {
            NpzArchive npz = new NpzArchive(TestData.fixture(dir, fixture).toString());
            int[] labels = new int[10];
            byte[] middle = TestData.records(npz, Part.TRAIN, 40, 50, labels);
            assertArrayEquals(Arrays.copyOfRange(expected, 40 * 784, 50 * 784), middle, fixture);
            assertArrayEquals(new int[] {1, 8, 7, 9, 3, 9, 8, 5, 9, 3}, labels, fixture);
            assertEquals(209772L, pixelSum(middle), fixture);
            int[] all = new int[100];
            assertArrayEquals(expected, TestData.records(npz, Part.TRAIN, 0, 100, all), fixture);
            assertArrayEquals(expectedLabels, all, fixture);
        }
    }

    @Test
    void otherShapesAndIntegerLabelDtypesLoad() {
        NpzArchive npz = new NpzArchive(TestData.fixture(dir, "odd-shape.npz").toString());
        DatasetInfo info = DatasetReader.inspect(npz, TestData.conf());
        assertEquals(new ImageShape(5, 7), info.shape());
        assertEquals(3, info.classes());
        assertArrayEquals(new int[] {0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2}, info.trainLabels());
        assertArrayEquals(new int[] {2, 0, 1, 2}, info.testLabels());
        try (RecordCursor cursor = DatasetReader.open(npz, Part.TRAIN, 0, 12, TestData.conf())) {
            assertEquals(54731L, TestData.sums(cursor, 12, null)[0]);
        }
        try (RecordCursor cursor = DatasetReader.open(npz, Part.TEST, 0, 4, TestData.conf())) {
            assertEquals(18027L, TestData.sums(cursor, 4, null)[0]);
        }
        int[] label = new int[1];
        byte[] last = TestData.records(npz, Part.TRAIN, 11, 12, label);
        int[] expected = {20, 43, 177, 18, 184, 149, 178, 121, 150, 18, 197, 103, 247, 5, 133, 70, 223, 157, 144,
            170, 246, 174, 68, 238, 102, 205, 194, 140, 54, 88, 253, 91, 251, 183, 16};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], last[i] & 0xFF, "pixel " + i);
        }
        assertEquals(2, label[0]);
    }

    @Test
    void signedAndWideLabelTypesDecode() {
        long[] values = {0, 1, 255, 7};
        for (String descr : new String[] {"|u1", "<u2", "<i2", "<u4", "<i4", "<u8", "<i8"}) {
            int width = Integer.parseInt(descr.substring(2));
            Path file = dir.resolve("labels-" + width + descr.charAt(1) + ".npz");
            TestData.write(file, TestData.npzWithTrainLabels(TestData.npy(descr, false, "(4,)", TestData.littleEndian(width, values))));
            // labels 0 1 255 7 leave classes empty: stated, they load
            DatasetInfo info = DatasetReader.inspect(new NpzArchive(file.toString()), TestData.conf(), new ClassCount(256));
            assertArrayEquals(new int[] {0, 1, 255, 7}, info.trainLabels(), descr);
            assertEquals(256, info.classes(), descr);
        }
    }

    private static long pixelSum(byte[] pixels) {
        long sum = 0;
        for (byte p : pixels) {
            sum += p & 0xFF;
        }
        return sum;
    }
}
