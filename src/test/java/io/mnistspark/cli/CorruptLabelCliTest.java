package io.mnistspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16's corrupt label: MNIST's training labels with record 12345 set to 200. {@code data} and {@code train}
 * refuse it (exit 3, one line naming the file, the record and the value) instead of describing or training 201
 * classes; {@code --classes N} states the count when it is meant, and refuses labels at or above it.
 */
@ExtendWith(RestoresSession.class)
class CorruptLabelCliTest {
    private static final String[] IMAGES_AND_TEST = {
        "train-images-idx3-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"};

    @TempDir
    Path tmp;

    /** The jar's MNIST with the training labels raw and record 12345's label byte set to 200. */
    private Path mnistWithCorruptLabel() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("mnist"));
        for (String name : IMAGES_AND_TEST) {
            try (InputStream in = resource(name)) {
                Files.copy(in, dir.resolve(name));
            }
        }
        byte[] labels;
        try (InputStream in = new GZIPInputStream(resource("train-labels-idx1-ubyte.gz"))) {
            labels = in.readAllBytes();
        }
        assertEquals(8 + 60000, labels.length);
        labels[8 + 12345] = (byte) 200;
        return Files.write(dir.resolve("train-labels-idx1-ubyte"), labels).getParent();
    }

    private static InputStream resource(String name) {
        InputStream in = CorruptLabelCliTest.class.getResourceAsStream("/mnist/" + name);
        assertNotNull(in, name);
        return in;
    }

    @Test
    void dataAndTrainRefuseTheCorruptLabelAndDataDescribesItWhen201ClassesAreStated() throws IOException {
        Path mnist = mnistWithCorruptLabel();
        String fragment = "train-labels-idx1-ubyte: label 200 at record 12345 makes 201 classes (0..200), "
                + "but 190 of them (10..199) have no training example";

        CliRunner data = CliRunner.run("data", "--data", mnist.toString());
        assertEquals(ExitCode.BAD_DATA, data.exitCode, data.err);
        assertEquals(1, data.err.strip().lines().count(), data.err);
        assertTrue(data.err.startsWith("data error: ") && data.err.contains(mnist.resolve("train-labels-idx1-ubyte") + ": label 200"), data.err);
        assertTrue(data.err.contains(fragment) && data.err.contains("--classes 201"), data.err);
        assertEquals("", data.out);

        Refusals.badData(tmp.resolve("out"), mnist, List.of(), fragment);
        Refusals.badData(tmp.resolve("out"), mnist, List.of("--classes", "10"),
                "label 200 at record 12345 is not below --classes 10 (classes 0..9)");

        CliRunner stated = CliRunner.run("data", "--data", mnist.toString(), "--classes", "201");
        assertEquals(ExitCode.OK, stated.exitCode, stated.err);
        JsonNode doc = new ObjectMapper().readTree(stated.out);
        assertEquals(201, doc.path("classes").asInt());
        JsonNode train = doc.path("label_histograms").path("train");
        JsonNode validation = doc.path("label_histograms").path("validation");
        assertEquals(1, train.get(200).asLong() + validation.get(200).asLong());
        for (int c = 10; c < 200; c++) {
            assertEquals(0, train.get(c).asLong() + validation.get(c).asLong(), "class " + c);
        }
    }

    @Test
    void tableLabelsAreJudgedAlikeAndRowsCountFromOne() throws IOException {
        Path csv = Files.writeString(tmp.resolve("gap.csv"),
                "label,p0,p1,p2,p3\n0,0,255,3,0\n1,10,0,0,7\n2,0,0,0,9\n0,1,2,3,4\n9,5,6,7,8\n");
        Refusals.badData(tmp.resolve("out"), csv, List.of(),
                "gap.csv: label 9 at row 5 makes 10 classes (0..9), but 6 of them (3..8) have no training example",
                "--classes 10");
        CliRunner stated = CliRunner.run("data", "--data", csv.toString(), "--classes", "10", "--partitions", "2");
        assertEquals(ExitCode.OK, stated.exitCode, stated.err);
        assertEquals(10, new ObjectMapper().readTree(stated.out).path("classes").asInt());
    }

    @Test
    void aClassCountOutsideTheLabelRangeIsABadSetting() {
        Path out = tmp.resolve("never");
        Refusals.refused(ExitCode.USAGE, out, "embedded", List.of("--classes", "-1"),
                "--classes must be in [1, 65536] (or 0 for 1 + the largest training label), got -1");
        Refusals.refused(ExitCode.USAGE, out, "embedded", List.of("--classes", "65537"), "got 65537");
    }
}
