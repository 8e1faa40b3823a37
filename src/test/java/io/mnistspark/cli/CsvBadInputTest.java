package io.mnistspark.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad CSV input to {@code train} is refused with exit code 3, one line naming the file, the row
 * and the fault, and nothing written. The files are tiny Kaggle-layout tables of 4-pixel images.
 */
@ExtendWith(RestoresSession.class)
class CsvBadInputTest {
    private static final String HEADER = "label,p0,p1,p2,p3\n";
    private static final String ROWS = "0,0,255,3,0\n1,10,0,0,7\n2,0,0,0,9\n0,1,2,3,4\n1,5,6,7,8\n";

    @TempDir
    Path tmp;

    private Path csv(String name, String content) throws IOException {
        return Files.writeString(tmp.resolve(name), content);
    }

    private String refused(Path file, String... fragments) {
        return Refusals.badData(tmp.resolve("out"), file, List.of(), fragments);
    }

    @Test
    void emptyFilesAndFilesWithoutRowsAreRefused() throws IOException {
        refused(csv("empty.csv", ""), "is empty (0 bytes)");
        refused(csv("header-only.csv", HEADER), "holds no rows");
        Refusals.badData(tmp.resolve("out"), tmp.resolve("missing.csv"), List.of(), "does not exist");
    }

    @Test
    void aHeaderWithoutLabelOrPixelsIsRefused() throws IOException {
        refused(csv("no-label.csv", "digit,p0,p1,p2,p3\n" + ROWS), "the header has no 'label' column",
                "digit,p0,p1,p2");
        refused(csv("label-only.csv", "label\n1\n2\n"), "names no pixel column");
    }

    @Test
    void rowsOfOtherLengthsAreRefused() throws IOException {
        refused(csv("short.csv", HEADER + ROWS + "1,2,3,4\n"), "a line of 4 cells where the header names 5 columns",
                "(in row 6)");
        refused(csv("long.csv", HEADER + "1,2,3,4,5,6\n" + ROWS), "a line of 6 cells", "(in row 1)");
        String whole = HEADER + ROWS;
        refused(csv("truncated.csv", whole.substring(0, whole.length() - 6)), "a line of 3 cells", "(in row 5)");
    }

    @Test
    void cellsThatAreNotPixelValuesAreRefused() throws IOException {
        refused(csv("letters.csv", HEADER + "0,1,2,3,4\n1,0,x7,0,0\n"), "column 'p1' holds 'x7', not a number",
                "(in row 2)", "whole numbers 0..255");
        refused(csv("blank.csv", HEADER + "0,1,,3,4\n"), "column 'p1' is empty", "(in row 1)");
        refused(csv("too-bright.csv", HEADER + ROWS + "0,1,300,3,4\n"), "column 'p1' holds 300", "(in row 6)");
        refused(csv("fraction.csv", HEADER + "0,0.5,0,0,0\n"), "column 'p0' holds 0.5");
    }

    @Test
    void labelsThatAreNotClassIndexesAreRefused() throws IOException {
        refused(csv("half.csv", HEADER + ROWS + "2.5,1,2,3,4\n"), "column 'label' holds 2.5 (in row 6); "
                + "labels must be whole class indexes 0..65535");
        refused(csv("negative.csv", HEADER + "-1,1,2,3,4\n"), "column 'label' holds -1.0");
        refused(csv("word.csv", HEADER + "seven,1,2,3,4\n"), "column 'label' holds 'seven', not a number");
        refused(csv("huge.csv", HEADER + "70000,1,2,3,4\n"), "column 'label' holds 70000.0");
    }

    @Test
    void testDataMustMatchTheTrainingData() throws IOException {
        Path train = csv("train.csv", HEADER + ROWS);
        // a fault of the test file names the test file
        Refusals.refused(ExitCode.BAD_DATA, tmp.resolve("out"), train.toString(),
                List.of("--test-data", csv("narrow.csv", "label,p0,p1,p2\n1,2,3,4\n").toString()),
                "narrow.csv: the header names 3 pixel columns but the training data has 4");
        Refusals.refused(ExitCode.BAD_DATA, tmp.resolve("out"), train.toString(),
                List.of("--test-data", csv("unseen.csv", HEADER + "1,0,0,0,0\n7,0,0,0,0\n").toString()),
                "unseen.csv: label 7 at row 2 is outside the 3 classes of the training labels (0..2)");
        Refusals.refused(ExitCode.BAD_DATA, tmp.resolve("out"), train.toString(),
                List.of("--test-data", csv("bad-test.csv", HEADER + "1,0,0,0,x\n").toString()),
                "bad-test.csv", "column 'p3' holds 'x'");
    }
}
