package io.mnistspark.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real MNIST packed in the jar, against values published with the data (counts, first labels,
 * SHA-256 of the decompressed files) and computed by numpy (fixtures/golden-values.txt).
 */
class EmbeddedMnistTest {

    private static final DataLocation MNIST = new EmbeddedMnist();
    private static DatasetInfo info;

    @BeforeAll
    static void inspectOnce() {
        info = DatasetReader.inspect(MNIST, TestData.conf());
    }

    @Test
    void countsShapeAndClasses() {
        assertEquals(60000, info.count(Part.TRAIN));
        assertEquals(10000, info.count(Part.TEST));
        assertEquals(new ImageShape(28, 28), info.shape());
        assertEquals(784, info.shape().pixels());
        assertEquals(10, info.classes());
        assertEquals(MNIST, info.location());
    }

    @Test
    void firstLabelsAsPublished() {
        assertArrayEquals(new int[] {5, 0, 4, 1, 9, 2, 1, 3, 1, 4}, Arrays.copyOf(info.trainLabels(), 10));
        assertArrayEquals(new int[] {7, 2, 1, 0, 4, 1, 4, 9, 5, 9}, Arrays.copyOf(info.testLabels(), 10));
    }

    @Test
    void labelHistogramsMatchNumpy() {
        assertArrayEquals(new int[] {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949},
                histogram(info.trainLabels()));
        assertArrayEquals(new int[] {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009},
                histogram(info.testLabels()));
    }

    @Test
    void filesAreTheFourWithThePublishedHashes() {
        List<DataFile> files = info.files();
        assertEquals(List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"), files.stream().map(DataFile::name).toList());
        assertEquals("ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db", files.get(0).sha256());
        assertEquals("65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5", files.get(1).sha256());
        assertEquals("0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7", files.get(2).sha256());
        assertEquals("ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2", files.get(3).sha256());
        // sizes of the .gz files as stored (shared data directory listing)
        assertEquals(List.of(9719438L, 28857L, 1616508L, 4517L), files.stream().map(DataFile::storedBytes).toList());
        assertEquals("classpath:/mnist/train-images-idx3-ubyte.gz", files.get(0).location());
    }

    @Test
    void aDamagedEmbeddedCopyWouldBeRefused() {
        List<DataFile> damaged = new java.util.ArrayList<>(info.files());
        DataFile labels = damaged.get(3);
        damaged.set(3, new DataFile(labels.name(), labels.location(), labels.storedBytes(), "0".repeat(64)));
        TestData.assertRefused(() -> DatasetReader.checkEmbeddedHashes(damaged),
                "classpath:/mnist/t10k-labels-idx1-ubyte.gz: SHA-256 " + "0".repeat(64),
                "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2");
        DatasetReader.checkEmbeddedHashes(info.files());
    }

    @Test
    void labelsAreCopiesSoInfoStaysImmutable() {
        info.trainLabels()[0] = 9;
        assertEquals(5, info.trainLabels()[0]);
    }

    @Test
    void firstRecordsMatchTheNumpyFixturePixelSums() {
        try (RecordCursor cursor = DatasetReader.open(MNIST, Part.TRAIN, 0, 100, TestData.conf())) {
            assertEquals(2530887L, TestData.sums(cursor, 100, null)[0]);
        }
        try (RecordCursor cursor = DatasetReader.open(MNIST, Part.TEST, 0, 50, TestData.conf())) {
            assertEquals(1136989L, TestData.sums(cursor, 50, null)[0]);
        }
    }

    @Test
    void wholeTestPartPixelSumAndLabelsMatchNumpy() {
        int[] labels = new int[10000];
        try (RecordCursor cursor = DatasetReader.open(MNIST, Part.TEST, 0, 10000, TestData.conf())) {
            assertEquals(264923200L, TestData.sums(cursor, 10000, labels)[0]);
        }
        assertArrayEquals(info.testLabels(), labels);
    }

    @Test
    void middleAndLastRangesMatchNumpyAndAReadFromTheStart() {
        int[] labels = new int[10];
        byte[] middle = TestData.records(MNIST, Part.TRAIN, 30000, 30010, labels);
        assertArrayEquals(new int[] {3, 7, 3, 9, 6, 4, 4, 1, 7, 0}, labels);
        assertEquals(216706L, sum(middle));

        int[] fromStartLabels = new int[30010];
        byte[] fromStart = TestData.records(MNIST, Part.TRAIN, 0, 30010, fromStartLabels);
        assertArrayEquals(Arrays.copyOfRange(fromStart, 30000 * 784, 30010 * 784), middle);
        assertArrayEquals(labels, Arrays.copyOfRange(fromStartLabels, 30000, 30010));

        int[] last = new int[10];
        assertEquals(344559L, sum(TestData.records(MNIST, Part.TEST, 9990, 10000, last)));
        assertArrayEquals(new int[] {7, 8, 9, 0, 1, 2, 3, 4, 5, 6}, last);
    }

    @Test
    void cursorRefusesReadsPastItsEndAndBadRanges() {
        try (RecordCursor cursor = DatasetReader.open(MNIST, Part.TEST, 9999, 10000, TestData.conf())) {
            byte[] pixels = new byte[784];
            assertEquals(6, cursor.next(pixels));
            TestData.assertRefused(() -> cursor.next(pixels), "record 10000", "[9999, 10000)");
            assertThrows(IllegalArgumentException.class, () -> cursor.next(new byte[783]));
        }
        TestData.assertRefused(() -> DatasetReader.open(MNIST, Part.TEST, 0, 10001, TestData.conf()),
                "t10k-images-idx3-ubyte.gz", "10001", "holds 10000 records");
        assertThrows(IllegalArgumentException.class, () -> DatasetReader.open(MNIST, Part.TRAIN, 5, 4, null));
        assertThrows(IllegalArgumentException.class, () -> DatasetReader.open(MNIST, Part.TRAIN, -1, 4, null));
        try (RecordCursor empty = DatasetReader.open(MNIST, Part.TRAIN, 60000, 60000, null)) {
            TestData.assertRefused(() -> empty.next(new byte[784]), "record 60000");
        }
    }

    private static int[] histogram(int[] labels) {
        int[] counts = new int[10];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    private static long sum(byte[] pixels) {
        long sum = 0;
        for (byte p : pixels) {
            sum += p & 0xFF;
        }
        return sum;
    }
}
