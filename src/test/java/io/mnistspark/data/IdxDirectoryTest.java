package io.mnistspark.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Directories of IDX files on the (Hadoop local) file system: the real MNIST raw and gzipped, written
 * here from the embedded copy, and small datasets of other shapes written by the test.
 */
class IdxDirectoryTest {

    @TempDir
    static Path shared;
    private static Path rawDir;
    private static Path gzDir;
    private static DatasetInfo embedded;

    @BeforeAll
    static void writeMnistCopies() throws IOException {
        rawDir = Files.createDirectory(shared.resolve("raw"));
        gzDir = Files.createDirectory(shared.resolve("gz"));
        for (String name : TestData.IDX_NAMES) {
            byte[] gz = TestData.resource("/mnist/" + name + ".gz");
            Files.write(gzDir.resolve(name + ".gz"), gz);
            Files.write(rawDir.resolve(name), TestData.gunzip(new java.io.ByteArrayInputStream(gz)));
        }
        embedded = DatasetReader.inspect(new EmbeddedMnist(), TestData.conf());
    }

    @Test
    void rawDirectoryReadsAsTheEmbeddedMnist() {
        DatasetInfo raw = DatasetReader.inspect(new IdxDirectory(rawDir.toString()), TestData.conf());
        assertSameData(embedded, raw);
        assertEquals(List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
                "t10k-labels-idx1-ubyte"), raw.files().stream().map(DataFile::name).toList());
        assertEquals(47040016L, raw.files().get(0).storedBytes());
        assertTrue(raw.files().get(0).location().startsWith("file:/"), raw.files().get(0).location());
    }

    @Test
    void gzipDirectoryGivenAsFileUriReadsAsTheEmbeddedMnist() {
        DatasetInfo gz = DatasetReader.inspect(new IdxDirectory(gzDir.toUri().toString()), TestData.conf());
        assertSameData(embedded, gz);
        assertEquals("t10k-labels-idx1-ubyte.gz", gz.files().get(3).name());
        assertEquals(4517L, gz.files().get(3).storedBytes());
    }

    @Test
    void seekingIntoRawFilesGivesTheSameRecordsAsDecompressingFromTheStart() {
        int[] rawLabels = new int[25];
        int[] gzLabels = new int[25];
        int[] embeddedLabels = new int[25];
        byte[] raw = TestData.records(new IdxDirectory(rawDir.toString()), Part.TRAIN, 41234, 41259, rawLabels);
        byte[] gz = TestData.records(new IdxDirectory(gzDir.toString()), Part.TRAIN, 41234, 41259, gzLabels);
        byte[] fromEmbedded = TestData.records(new EmbeddedMnist(), Part.TRAIN, 41234, 41259, embeddedLabels);
        assertArrayEquals(fromEmbedded, raw);
        assertArrayEquals(fromEmbedded, gz);
        assertArrayEquals(embeddedLabels, rawLabels);
        assertArrayEquals(embeddedLabels, gzLabels);
        assertArrayEquals(Arrays.copyOfRange(embedded.trainLabels(), 41234, 41259), rawLabels);
        int[] last = new int[1];
        TestData.records(new IdxDirectory(rawDir.toString()), Part.TRAIN, 59999, 60000, last);
        assertEquals(8, last[0]);
    }

    @Test
    void rawFileIsPreferredWhenBothFormsArePresent(@TempDir Path dir) throws IOException {
        TestData.writeSmallIdx(dir);
        // a .gz twin with different content: if it were read, the labels would differ
        Files.write(dir.resolve("train-labels-idx1-ubyte.gz"), TestData.gzip(TestData.idxLabels(6, 1, 1, 1, 1, 1, 1)));
        DatasetInfo info = DatasetReader.inspect(new IdxDirectory(dir.toString()), TestData.conf());
        assertArrayEquals(new int[] {0, 1, 2, 0, 1, 2}, info.trainLabels());
        assertEquals("train-labels-idx1-ubyte", info.files().get(1).name());
    }

    @Test
    void anyShapeAndClassCountLoads(@TempDir Path dir) {
        TestData.writeSmallIdx(dir);
        DatasetInfo info = DatasetReader.inspect(new IdxDirectory(dir.toString()), TestData.conf());
        assertEquals(new ImageShape(3, 5), info.shape());
        assertEquals(3, info.classes());
        assertEquals(6, info.count(Part.TRAIN));
        assertArrayEquals(new int[] {2, 1, 0}, info.testLabels());
        int[] labels = new int[2];
        byte[] pixels = TestData.records(new IdxDirectory(dir.toString()), Part.TRAIN, 4, 6, labels);
        assertArrayEquals(Arrays.copyOfRange(TestData.pattern(6, 15), 4 * 15, 6 * 15), pixels);
        assertArrayEquals(new int[] {1, 2}, labels);
    }

    @Test
    void gzipIsRecognisedByContentEvenWithoutTheSuffix(@TempDir Path dir) throws IOException {
        TestData.writeSmallIdx(dir);
        Path images = dir.resolve("t10k-images-idx3-ubyte");
        Files.write(images, TestData.gzip(Files.readAllBytes(images)));
        DatasetInfo info = DatasetReader.inspect(new IdxDirectory(dir.toString()), TestData.conf());
        assertEquals(3, info.count(Part.TEST));
        int[] labels = new int[1];
        assertArrayEquals(Arrays.copyOfRange(TestData.pattern(3, 15), 30, 45),
                TestData.records(new IdxDirectory(dir.toString()), Part.TEST, 2, 3, labels));
    }

    @Test
    void emptyTestPartIsAllowed(@TempDir Path dir) {
        TestData.writeSmallIdx(dir);
        TestData.write(dir.resolve("t10k-images-idx3-ubyte"), TestData.idxImages(0, 3, 5, new byte[0]));
        TestData.write(dir.resolve("t10k-labels-idx1-ubyte"), TestData.idxLabels(0));
        DatasetInfo info = DatasetReader.inspect(new IdxDirectory(dir.toString()), TestData.conf());
        assertEquals(0, info.count(Part.TEST));
        assertEquals(3, info.classes());
    }

    private static void assertSameData(DatasetInfo expected, DatasetInfo actual) {
        assertEquals(expected.shape(), actual.shape());
        assertEquals(expected.classes(), actual.classes());
        assertArrayEquals(expected.trainLabels(), actual.trainLabels());
        assertArrayEquals(expected.testLabels(), actual.testLabels());
        for (int i = 0; i < 4; i++) {
            assertEquals(expected.files().get(i).sha256(), actual.files().get(i).sha256(), "file " + i);
        }
    }
}
