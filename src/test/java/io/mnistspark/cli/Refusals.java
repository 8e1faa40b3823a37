package io.mnistspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs {@code train} on bad input and checks how it is refused: the exit code, one line, nothing written. */
final class Refusals {
    private Refusals() {
    }

    /**
     * {@code train --data data <more> --steps 1 --out <out>} must exit with {@code code}, print one error line
     * holding every fragment (for data errors, the file's name among them), and write nothing.
     */
    static String refused(int code, Path out, String data, List<String> more, String... fragments) {
        List<String> args = new ArrayList<>(List.of("train", "--data", data));
        args.addAll(more);
        args.addAll(List.of("--steps", "1", "--partitions", "2", "--out", out.toString()));
        CliRunner run = CliRunner.run(args.toArray(String[]::new));
        String context = String.join(" ", args) + " -> " + run.err;
        assertEquals(code, run.exitCode, context);
        List<String> lines = run.err.strip().lines().toList();
        assertEquals(1, lines.size(), context);
        String line = lines.get(0);
        assertTrue(line.startsWith(code == ExitCode.BAD_DATA ? "data error: " : "error: "), context);
        for (String fragment : fragments) {
            assertTrue(line.contains(fragment), "'" + fragment + "' in: " + line);
        }
        assertFalse(Files.exists(out), "nothing may be written: " + context);
        return line;
    }

    /** A data error: exit 3, the line names {@code file} (its name) and holds every fragment. */
    static String badData(Path out, Path file, List<String> more, String... fragments) {
        String line = refused(ExitCode.BAD_DATA, out, file.toString(), more, fragments);
        assertTrue(line.contains(file.getFileName().toString()), "the file named in: " + line);
        return line;
    }
}
