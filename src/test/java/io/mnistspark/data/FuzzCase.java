package io.mnistspark.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * One generated or mutated dataset on disk.
 *
 * @param data        what {@code --data} names: the IDX directory, or the npz, CSV or LIBSVM file
 * @param changed     the names of the files changed; a refusal must name one of them
 * @param inputBytes  the bytes of every file the dataset holds, as stored
 * @param description what was generated and done, to reproduce a failure by hand
 */
public record FuzzCase(Path data, List<String> changed, long inputBytes, String description) {

    /** Empties {@code dir} (files only, as the cases write them), creating it if needed. */
    static Path clear(Path dir) {
        try {
            Files.createDirectories(dir);
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes one file of a case and returns its size. */
    static long write(Path file, byte[] bytes) {
        TestData.write(file, bytes);
        return bytes.length;
    }
}
