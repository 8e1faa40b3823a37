package io.mnistspark.data;

import static io.mnistspark.data.TestData.assertRefused;
import static io.mnistspark.data.TestData.idxImages;
import static io.mnistspark.data.TestData.idxLabels;
import static io.mnistspark.data.TestData.npy;
import static io.mnistspark.data.TestData.pattern;
import static io.mnistspark.data.TestData.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class count taken from the labels is refused when it leaves classes without a training example, naming
 * the file, the record(s) and the value(s); a stated count ({@code --classes}) accepts empty classes and
 * refuses labels at or above it, in the training and the test part.
 */
class CorruptLabelTest {

    @TempDir
    Path dir;

    /** The small IDX dataset (6 train images of 3 x 5, test labels 2 1 0) with these training labels. */
    private IdxDirectory idxWithTrainLabels(int... labels) {
        TestData.writeSmallIdx(dir);
        write(dir.resolve("train-labels-idx1-ubyte"), idxLabels(labels.length, labels));
        return new IdxDirectory(dir.toString());
    }

    private static DatasetInfo inspect(DataLocation location, ClassCount classes) {
        return DatasetReader.inspect(location, TestData.conf(), classes);
    }

    @Test
    void oneLabelFarAboveTheOthersIsRefusedNamingTheFileTheRecordAndTheValue() {
        IdxDirectory location = idxWithTrainLabels(0, 1, 2, 0, 200, 2);
        assertRefused(() -> inspect(location, ClassCount.FROM_LABELS),
                dir.resolve("train-labels-idx1-ubyte") + ": label 200 at record 4 makes 201 classes (0..200)",
                "197 of them (3..199) have no training example", "give --classes 201 if 201 classes are meant");
    }

    @Test
    void statingTheCountAcceptsEmptyClasses() {
        DatasetInfo info = inspect(idxWithTrainLabels(0, 1, 2, 0, 200, 2), new ClassCount(201));
        assertEquals(201, info.classes());
        assertArrayEquals(new int[] {0, 1, 2, 0, 200, 2}, info.trainLabels());
        // a stated count may exceed every label: the network gets outputs nothing here teaches
        assertEquals(12, inspect(idxWithTrainLabels(0, 1, 2, 0, 1, 2), new ClassCount(12)).classes());
    }

    @Test
    void labelsAtOrAboveAStatedCountAreRefused() {
        IdxDirectory corrupt = idxWithTrainLabels(0, 1, 2, 0, 200, 2);
        assertRefused(() -> inspect(corrupt, new ClassCount(10)),
                "train-labels-idx1-ubyte: label 200 at record 4 is not below --classes 10 (classes 0..9)");
        IdxDirectory valid = idxWithTrainLabels(0, 1, 2, 0, 1, 2);
        assertRefused(() -> inspect(valid, new ClassCount(2)),
                "train-labels-idx1-ubyte: labels 2 at record 2 and 2 at record 5 are not below --classes 2");
        // the test part is held to the stated count too: test labels are 2 1 0
        write(dir.resolve("train-labels-idx1-ubyte"), idxLabels(6, 0, 1, 0, 1, 0, 1));
        assertRefused(() -> inspect(valid, new ClassCount(2)),
                "t10k-labels-idx1-ubyte: label 2 at record 0 is not below --classes 2");
    }

    @Test
    void labelsThatDoNotCountFromZeroAreRefusedAndTheFirstFewNamed() {
        IdxDirectory location = idxWithTrainLabels(1, 2, 3, 1, 2, 3);
        assertRefused(() -> inspect(location, ClassCount.FROM_LABELS),
                "train-labels-idx1-ubyte: labels 1 at record 0, 2 at record 1, 3 at record 2 and 3 more records "
                        + "make 4 classes (0..3), but class 0 has no training example",
                "labels that do not count from 0");
    }

    @Test
    void severalRunsOfEmptyClassesAreListed() {
        TestData.writeSmallIdx(dir);
        write(dir.resolve("train-images-idx3-ubyte"), idxImages(8, 3, 5, pattern(8, 15)));
        write(dir.resolve("train-labels-idx1-ubyte"), idxLabels(8, 0, 2, 1, 5, 9, 9, 1, 2));
        assertRefused(() -> inspect(new IdxDirectory(dir.toString()), ClassCount.FROM_LABELS),
                "labels 5 at record 3, 9 at record 4 and 9 at record 5 make 10 classes (0..9)",
                "5 of them (3..4, 6..8) have no training example");
    }

    @Test
    void npzLabelsAreJudgedAlike() {
        Map<String, byte[]> members = TestData.smallNpzMembers();
        members.put("y_train.npy", npy("<i8", false, "(4,)", TestData.littleEndian(8, 0, 1, 2, 40)));
        Path file = dir.resolve("labels.npz");
        write(file, TestData.zip(members, true));
        NpzArchive npz = new NpzArchive(file.toString());
        assertRefused(() -> inspect(npz, ClassCount.FROM_LABELS),
                "labels.npz!/y_train.npy: label 40 at record 3 makes 41 classes (0..40)",
                "37 of them (3..39) have no training example");
        assertEquals(41, inspect(npz, new ClassCount(41)).classes());
        members.put("y_test.npy", npy("|u1", false, "(2,)", new byte[] {1, 41}));
        write(file, TestData.zip(members, true));
        assertRefused(() -> inspect(npz, new ClassCount(41)),
                "labels.npz!/y_test.npy: label 41 at record 1 is not below --classes 41");
    }

    @Test
    void theCountFromCompleteLabelsIsUnchanged() {
        assertEquals(3, inspect(idxWithTrainLabels(0, 1, 2, 0, 1, 2), ClassCount.FROM_LABELS).classes());
        // a test label above the training labels is still refused, naming where the classes came from too
        write(dir.resolve("t10k-labels-idx1-ubyte"), idxLabels(3, 2, 1, 3));
        assertRefused(() -> inspect(new IdxDirectory(dir.toString()), ClassCount.FROM_LABELS),
                "t10k-labels-idx1-ubyte: label 3 at record 2 is outside the 3 classes of the training labels (0..2) "
                        + "in train-labels-idx1-ubyte");
    }

    @Test
    void aStatedCountOutsideTheLabelRangeIsNotAClassCount() {
        assertThrows(IllegalArgumentException.class, () -> new ClassCount(-1));
        assertThrows(IllegalArgumentException.class, () -> new ClassCount(ImageBlock.MAX_LABEL + 2));
        assertEquals(ImageBlock.MAX_LABEL + 1, new ClassCount(ImageBlock.MAX_LABEL + 1).stated());
    }
}
