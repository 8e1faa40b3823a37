package io.mnistspark.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad LIBSVM input to {@code train} is refused with exit code 3, one line naming the file, the
 * row and the fault, and nothing written; with and without {@code --num-features} (without it, Spark's
 * inference pass is the first to meet a bad line).
 */
@ExtendWith(RestoresSession.class)
class LibsvmBadInputTest {
    private static final String ROWS = "0 1:0.5 3:1\n1 2:0.25\n2 1:1 4:0.75\n0 3:0.5\n1 1:0.125 2:0.5\n";
    private static final List<String> FOUR = List.of("--num-features", "4");

    @TempDir
    Path tmp;

    private Path file(String name, String content) throws IOException {
        return Files.writeString(tmp.resolve(name), content);
    }

    private String refused(Path file, List<String> more, String... fragments) {
        return Refusals.badData(tmp.resolve("out"), file, more, fragments);
    }

    @Test
    void emptyFilesAreRefused() throws IOException {
        refused(file("empty.libsvm", ""), List.of(), "is empty (0 bytes)");
        refused(file("blank-lines.svm", "\n\n"), FOUR, "holds no rows");
    }

    @Test
    void valuesThatAreNotNumbersAreRefusedWithTheirRow() throws IOException {
        Path letters = file("letters.libsvm", ROWS + "1 1:0.5 2:abc\n");
        refused(letters, FOUR, "(in row 6)", "cannot be read", "abc",
                "each line must be 'label index:value ...' with 1-based ascending indices");
        refused(letters, List.of(), "(in row 6)", "cannot be read", "abc");
    }

    @Test
    void labelsThatAreNotWholeNumbersAreRefused() throws IOException {
        refused(file("half.libsvm", ROWS + "1.5 1:0.5\n"), FOUR, "column 'label' holds 1.5 (in row 6)",
                "labels must be whole class indexes");
        refused(file("negative.libsvm", "-1 1:0.5\n" + ROWS), List.of(), "column 'label' holds -1.0 (in row 1)");
    }

    @Test
    void indicesOutOfOrderOrRangeAreRefused() throws IOException {
        refused(file("zero-based.libsvm", "0 0:0.5 1:0.25\n"), FOUR, "(in row 1)", "cannot be read");
        refused(file("descending.libsvm", ROWS + "0 3:0.5 2:0.25\n"), FOUR, "(in row 6)", "cannot be read");
        refused(file("too-wide.libsvm", ROWS + "0 5:0.5\n"), FOUR, "(in row 6)", "cannot be read",
                "up to --num-features 4");
    }

    @Test
    void aTruncatedFileIsRefused() throws IOException {
        refused(file("truncated.libsvm", ROWS + "2 1:0.5 4:"), FOUR, "(in row 6)", "cannot be read");
    }

    @Test
    void testRowsLongerThanTheTrainingRowsAreRefused() throws IOException {
        Path train = file("train.libsvm", ROWS);
        Refusals.refused(ExitCode.BAD_DATA, tmp.resolve("out"), train.toString(),
                List.of("--test-data", file("wide-test.libsvm", "1 6:0.5\n").toString()),
                "wide-test.libsvm: ", "(in row 1)", "cannot be read");
        Refusals.refused(ExitCode.BAD_DATA, tmp.resolve("out"), train.toString(),
                List.of("--test-data", file("unseen.libsvm", "1 1:0.5\n3 2:0.5\n").toString()),
                "unseen.libsvm: label 3 at row 2 is outside the 3 classes");
    }
}
