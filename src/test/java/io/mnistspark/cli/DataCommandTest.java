package io.mnistspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mnistspark.data.DatasetReader;
import io.mnistspark.data.NpzArchive;
import io.mnistspark.data.Part;
import io.mnistspark.data.RecordCursor;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The data command describes the same dataset alike from an npz, raw IDX files and gzip IDX files. */
@ExtendWith(RestoresSession.class)
class DataCommandTest {
    private static final String FIXTURE = CliRunner.resource("/fixtures/mnist-first100.npz");

    @TempDir
    Path tmp;

    @Test
    void npzRawIdxAndGzipIdxGiveTheSameDescription() throws IOException {
        Path raw = Files.createDirectories(tmp.resolve("raw"));
        Path gz = Files.createDirectories(tmp.resolve("gz"));
        writeIdx(raw, false);
        writeIdx(gz, true);
        JsonNode fromNpz = describe(FIXTURE);
        JsonNode fromRaw = describe(raw.toString());
        JsonNode fromGz = describe(gz.toString());

        assertEquals(80, fromNpz.path("records").path("train").asInt());
        assertEquals(20, fromNpz.path("records").path("validation").asInt());
        assertEquals(50, fromNpz.path("records").path("test").asInt());
        assertEquals(100, sum(fromNpz.path("label_histograms").path("train"))
                + sum(fromNpz.path("label_histograms").path("validation")));
        for (JsonNode other : new JsonNode[] {fromRaw, fromGz}) {
            assertEquals(fromNpz.path("records"), other.path("records"));
            assertEquals(fromNpz.path("label_histograms"), other.path("label_histograms"));
            assertEquals(fromNpz.path("image_shape"), other.path("image_shape"));
            assertEquals(fromNpz.path("nonzero_pixel_fraction").asDouble(),
                    other.path("nonzero_pixel_fraction").asDouble(), 0.0);
            assertEquals(4, other.path("files").size());
        }
        // the IDX files' content checksums agree whether stored raw or compressed
        for (int f = 0; f < 4; f++) {
            assertEquals(fromRaw.path("files").get(f).path("sha256"), fromGz.path("files").get(f).path("sha256"));
        }
    }

    private static JsonNode describe(String data) throws IOException {
        CliRunner run = CliRunner.run("data", "--data", data, "--partitions", "3");
        assertEquals(0, run.exitCode, run.err);
        return new ObjectMapper().readTree(run.out);
    }

    private static long sum(JsonNode array) {
        long total = 0;
        for (JsonNode n : array) {
            total += n.asLong();
        }
        return total;
    }

    /** Copies the npz fixture's records into the four IDX files, raw or gzip-compressed. */
    private static void writeIdx(Path dir, boolean gzip) throws IOException {
        String suffix = gzip ? ".gz" : "";
        writePart(dir, Part.TRAIN, 100, "train", suffix, gzip);
        writePart(dir, Part.TEST, 50, "t10k", suffix, gzip);
    }

    private static void writePart(Path dir, Part part, int count, String prefix, String suffix, boolean gzip)
            throws IOException {
        byte[] pixels = new byte[784];
        try (RecordCursor cursor = DatasetReader.open(new NpzArchive(FIXTURE), part, 0, count, new Configuration());
                DataOutputStream images = open(dir.resolve(prefix + "-images-idx3-ubyte" + suffix), gzip);
                DataOutputStream labels = open(dir.resolve(prefix + "-labels-idx1-ubyte" + suffix), gzip)) {
            images.writeInt(2051);
            images.writeInt(count);
            images.writeInt(28);
            images.writeInt(28);
            labels.writeInt(2049);
            labels.writeInt(count);
            for (int r = 0; r < count; r++) {
                labels.writeByte(cursor.next(pixels));
                images.write(pixels);
            }
        }
    }

    private static DataOutputStream open(Path file, boolean gzip) throws IOException {
        OutputStream out = Files.newOutputStream(file);
        return new DataOutputStream(gzip ? new GZIPOutputStream(out) : out);
    }
}
