package io.mnistspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mnistspark.data.Fuzz;
import io.mnistspark.data.FuzzCase;
import io.mnistspark.data.FuzzIdx;
import io.mnistspark.data.FuzzNpz;
import io.mnistspark.data.FuzzTables;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sample of the fuzz cases through the command line, as a user meets them: {@code data} on a mutated IDX
 * directory, npz, CSV and LIBSVM file ends with exit 0 and a JSON description, or exit 3 and one line naming the
 * file; nothing else, and never a stack trace. (Each run starts Spark, so the thousands of cases run below the
 * command line, in the data package's fuzz tests.)
 */
@ExtendWith(RestoresSession.class)
class FuzzedDataCliTest {
    static final int CASES_PER_FORMAT = 2;

    @TempDir
    Path tmp;

    @Test
    void mutatedDatasetsOfEveryFormatAreDescribedOrRefusedWithExit3AndOneLine() {
        sample("cli-idx", FuzzIdx::write);
        sample("cli-npz", FuzzNpz::write);
        sample("cli-csv", FuzzTables::csv);
        sample("cli-libsvm", FuzzTables::libsvm);
    }

    @Test
    void aTrainingFileTooSmallToSplitIsBadData() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("one"));
        Files.write(dir.resolve("train-images-idx3-ubyte"), ByteBuffer.allocate(17).putInt(2051).putInt(1).putInt(1)
                .putInt(1).put((byte) 7).array());
        Files.write(dir.resolve("train-labels-idx1-ubyte"), ByteBuffer.allocate(9).putInt(2049).putInt(1).array());
        Files.write(dir.resolve("t10k-images-idx3-ubyte"), ByteBuffer.allocate(16).putInt(2051).putInt(0).putInt(1)
                .putInt(1).array());
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), ByteBuffer.allocate(8).putInt(2049).putInt(0).array());
        Refusals.refused(ExitCode.BAD_DATA, tmp.resolve("out"), dir.toString(), List.of(),
                "train-images-idx3-ubyte: a validation fraction of 0.2 of 1 records leaves 1 validation and 0 training "
                        + "records", "another --val-fraction");
    }

    private void sample(String family, BiFunction<Path, SplittableRandom, FuzzCase> generator) {
        Fuzz.cases(CASES_PER_FORMAT).forEach(index -> {
            FuzzCase fuzz = generator.apply(tmp.resolve(family), Fuzz.random(family, index));
            String what = Fuzz.replay(family, index) + ": " + fuzz.description();
            CliRunner run = CliRunner.run("data", "--data", fuzz.data().toString(), "--partitions", "2");
            String output = run.out + run.err;
            assertFalse(output.contains("\tat "), what + ": a stack trace: " + output);
            if (run.exitCode == ExitCode.OK) {
                assertTrue(run.err.isBlank(), what + ": " + run.err);
                try {
                    assertTrue(new ObjectMapper().readTree(run.out).path("classes").asInt() > 0, what + ": " + run.out);
                } catch (IOException e) {
                    throw new AssertionError(what + ": not JSON: " + run.out, e);
                }
                return;
            }
            assertEquals(ExitCode.BAD_DATA, run.exitCode, what + ": " + run.err);
            List<String> lines = run.err.strip().lines().toList();
            assertEquals(1, lines.size(), what + ": " + run.err);
            assertTrue(lines.get(0).startsWith("data error: "), what + ": " + run.err);
            assertTrue(fuzz.changed().stream().anyMatch(lines.get(0)::contains), what + ": names none of "
                    + fuzz.changed() + ": " + run.err);
        });
    }
}
