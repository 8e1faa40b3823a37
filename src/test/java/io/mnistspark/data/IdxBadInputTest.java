package io.mnistspark.data;

import static io.mnistspark.data.TestData.assertRefused;
import static io.mnistspark.data.TestData.idxImages;
import static io.mnistspark.data.TestData.idxLabels;
import static io.mnistspark.data.TestData.pattern;
import static io.mnistspark.data.TestData.write;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of broken IDX directory is refused with a one-line message naming the file and the fault.
 * Each test starts from the small valid dataset of {@link TestData#writeSmallIdx} and breaks one thing.
 */
class IdxBadInputTest {

    @TempDir
    Path dir;
    private IdxDirectory location;

    @BeforeEach
    void writeValidDataset() {
        TestData.writeSmallIdx(dir);
        location = new IdxDirectory(dir.toString());
    }

    private String inspectRefused(String... fragments) {
        return assertRefused(() -> DatasetReader.inspect(location, TestData.conf()), fragments);
    }

    @Test
    void wrongMagicNumbers() {
        write(dir.resolve("train-images-idx3-ubyte"), idxLabels(6, 0, 1, 2, 0, 1, 2));
        inspectRefused("train-images-idx3-ubyte: magic number 2049", "2051", "swapped");
        TestData.writeSmallIdx(dir);
        write(dir.resolve("t10k-labels-idx1-ubyte"), ByteBuffer.allocate(11).putInt(0x12345678).putInt(3).array());
        inspectRefused("t10k-labels-idx1-ubyte: magic number 305419896", "not an MNIST-format IDX file");
    }

    @Test
    void truncatedRawFileIsRefusedFromItsLength() {
        byte[] full = idxImages(6, 3, 5, pattern(6, 15));
        write(dir.resolve("train-images-idx3-ubyte"), Arrays.copyOf(full, full.length - 7));
        inspectRefused("train-images-idx3-ubyte: header claims 6 records of 15 bytes", "holds 99 bytes", "truncated");
        assertRefused(() -> DatasetReader.open(location, Part.TRAIN, 0, 1, TestData.conf()), "holds 99 bytes");
    }

    @Test
    void truncatedGzipFileIsRefusedWhenItsDataRunsOut() throws IOException {
        Files.delete(dir.resolve("train-images-idx3-ubyte"));
        byte[] full = idxImages(6, 3, 5, pattern(6, 15));
        write(dir.resolve("train-images-idx3-ubyte.gz"), TestData.gzip(Arrays.copyOf(full, full.length - 7)));
        inspectRefused("train-images-idx3-ubyte.gz: truncated", "6 images of 3 x 5", "inside image 5");
    }

    @Test
    void emptyFileIsTruncated() {
        write(dir.resolve("train-labels-idx1-ubyte"), new byte[0]);
        inspectRefused("train-labels-idx1-ubyte: truncated", "magic number");
    }

    @Test
    void extraDataAfterTheRecordsIsRefused() throws IOException {
        write(dir.resolve("t10k-images-idx3-ubyte"), Arrays.copyOf(idxImages(3, 3, 5, pattern(3, 15)), 16 + 45 + 1));
        inspectRefused("t10k-images-idx3-ubyte: header claims 3 records", "holds 62 bytes", "extra data");
        TestData.writeSmallIdx(dir);
        Files.delete(dir.resolve("t10k-labels-idx1-ubyte"));
        write(dir.resolve("t10k-labels-idx1-ubyte.gz"), TestData.gzip(Arrays.copyOf(idxLabels(3, 2, 1, 0), 12)));
        inspectRefused("t10k-labels-idx1-ubyte.gz: more data follows the 3 labels");
    }

    @Test
    void imageAndLabelCountsMustAgree() {
        write(dir.resolve("train-labels-idx1-ubyte"), idxLabels(5, 0, 1, 2, 0, 1));
        inspectRefused("train-images-idx3-ubyte: holds 6 images but", "train-labels-idx1-ubyte holds 5 labels");
        assertRefused(() -> DatasetReader.open(location, Part.TRAIN, 0, 1, TestData.conf()), "holds 6 images");
    }

    @Test
    void testLabelOutsideTheTrainingClassesIsRefused() {
        write(dir.resolve("t10k-labels-idx1-ubyte"), idxLabels(3, 2, 1, 3));
        inspectRefused("t10k-labels-idx1-ubyte: label 3 at record 2", "outside the 3 classes", "(0..2)");
    }

    @Test
    void missingFileIsNamedWithTheNamesLookedFor() throws IOException {
        Files.delete(dir.resolve("t10k-labels-idx1-ubyte"));
        inspectRefused(": missing t10k-labels-idx1-ubyte",
                "looked for t10k-labels-idx1-ubyte and t10k-labels-idx1-ubyte.gz");
    }

    @Test
    void headerClaimingMoreRecordsThanTheFileHoldsIsRefusedBeforeAllocating() throws IOException {
        write(dir.resolve("train-labels-idx1-ubyte"), idxLabels(Integer.MAX_VALUE, 0, 1, 2, 0, 1, 2));
        inspectRefused("train-labels-idx1-ubyte: header claims 2147483647 records", "holds 14 bytes");
        TestData.writeSmallIdx(dir);
        write(dir.resolve("train-images-idx3-ubyte"), idxImages(Integer.MAX_VALUE, 3, 5, pattern(6, 15)));
        Files.delete(dir.resolve("train-labels-idx1-ubyte"));
        // gzip hides the length: the label array grows only as labels arrive, so this ends as truncation
        write(dir.resolve("train-labels-idx1-ubyte.gz"), TestData.gzip(idxLabels(Integer.MAX_VALUE, 0, 1, 2, 0, 1, 2)));
        inspectRefused("train-labels-idx1-ubyte.gz: truncated: header claims 2147483647 labels", "ends after 6");
    }

    @Test
    void countBeyondSignedIntIsRefused() {
        write(dir.resolve("train-labels-idx1-ubyte"), ByteBuffer.allocate(8).putInt(2049).putInt(0x80000000).array());
        inspectRefused("train-labels-idx1-ubyte: header claims 2147483648 records", "more than the 2147483647");
    }

    @Test
    void absurdImageDimensionsAreRefused() {
        write(dir.resolve("train-images-idx3-ubyte"), idxImages(6, 65536, 65536, new byte[0]));
        inspectRefused("train-images-idx3-ubyte: image dimensions 65536 x 65536 exceed the limit of 16777216");
        write(dir.resolve("train-images-idx3-ubyte"), idxImages(6, 0, 5, new byte[0]));
        inspectRefused("train-images-idx3-ubyte: image dimensions must be positive, found 0 x 5");
    }

    @Test
    void nonexistentPathAndFileInsteadOfDirectory() {
        String missing = dir.resolve("nowhere").toString();
        assertRefused(() -> DatasetReader.inspect(new IdxDirectory(missing), TestData.conf()),
                missing + ": does not exist");
        String file = dir.resolve("train-images-idx3-ubyte").toString();
        assertRefused(() -> DatasetReader.inspect(new IdxDirectory(file), TestData.conf()),
                "train-images-idx3-ubyte: is a file, not a directory", ".npz");
        assertRefused(() -> DatasetReader.open(new IdxDirectory(missing), Part.TEST, 0, 1, TestData.conf()),
                "does not exist");
        assertRefused(() -> DatasetReader.inspect(new IdxDirectory("nosuchscheme://host/mnist"), TestData.conf()),
                "nosuchscheme://host/mnist: cannot reach the file system", "nosuchscheme");
    }

    @Test
    void corruptGzipIsRefused() throws IOException {
        Files.delete(dir.resolve("train-images-idx3-ubyte"));
        byte[] gz = TestData.gzip(idxImages(6, 3, 5, pattern(6, 15)));
        for (int i = 12; i < gz.length - 8; i++) {
            gz[i] ^= (byte) 0x5A;
        }
        write(dir.resolve("train-images-idx3-ubyte.gz"), gz);
        inspectRefused("train-images-idx3-ubyte.gz: corrupt or truncated gzip data");
        byte[] cut = TestData.gzip(idxImages(6, 3, 5, pattern(6, 15)));
        write(dir.resolve("train-images-idx3-ubyte.gz"), Arrays.copyOf(cut, cut.length / 2));
        inspectRefused("train-images-idx3-ubyte.gz: corrupt or truncated gzip data");
    }

    @Test
    void gzNameOnDataThatIsNotGzipIsRefused() throws IOException {
        Files.move(dir.resolve("t10k-images-idx3-ubyte"), dir.resolve("t10k-images-idx3-ubyte.gz"));
        inspectRefused("t10k-images-idx3-ubyte.gz: named .gz but not gzip data", "starts with 00 00");
    }

    @Test
    void emptyTrainingPartIsRefused() {
        write(dir.resolve("train-images-idx3-ubyte"), idxImages(0, 3, 5, new byte[0]));
        write(dir.resolve("train-labels-idx1-ubyte"), idxLabels(0));
        inspectRefused("train-images-idx3-ubyte: the training part holds 0 records");
    }

    @Test
    void aTrainingPartTooSmallToSplitIsRefusedNamingTheFile() {
        write(dir.resolve("train-images-idx3-ubyte"), idxImages(1, 3, 5, pattern(1, 15)));
        write(dir.resolve("train-labels-idx1-ubyte"), idxLabels(1, 0));
        write(dir.resolve("t10k-labels-idx1-ubyte"), idxLabels(3, 0, 0, 0));
        DatasetInfo info = DatasetReader.inspect(location, TestData.conf());
        assertRefused(() -> TrainValidationSplit.of(info, 0.2, 0), "train-images-idx3-ubyte: a validation fraction of 0.2"
                + " of 1 records leaves 1 validation and 0 training records", "another --val-fraction");
    }

    @Test
    void testImagesOfAnotherShapeAreRefused() {
        write(dir.resolve("t10k-images-idx3-ubyte"), idxImages(3, 5, 3, pattern(3, 15)));
        inspectRefused("t10k-images-idx3-ubyte: test images are 5 x 3 but training images", "are 3 x 5");
    }

    @Test
    void openRefusesARangeBeyondTheRecords() {
        assertRefused(() -> DatasetReader.open(location, Part.TRAIN, 2, 7, TestData.conf()),
                "train-images-idx3-ubyte: records [2, 7) requested but the file holds 6 records");
    }
}
