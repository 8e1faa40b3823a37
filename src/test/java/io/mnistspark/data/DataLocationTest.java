package io.mnistspark.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

/** Parsing dataset specs, and the value types that travel to executors. */
class DataLocationTest {

    @Test
    void emptyOrEmbeddedMeansTheJarCopy() {
        assertEquals(new EmbeddedMnist(), DataLocation.parse(null));
        assertEquals(new EmbeddedMnist(), DataLocation.parse(""));
        assertEquals(new EmbeddedMnist(), DataLocation.parse("  "));
        assertEquals(new EmbeddedMnist(), DataLocation.parse("embedded"));
        assertEquals(new EmbeddedMnist(), DataLocation.parse(" Embedded "));
        assertEquals("embedded MNIST (jar resources)", DataLocation.parse(null).describe());
    }

    @Test
    void npzSuffixMeansArchiveAnythingElseDirectory() {
        assertEquals(new NpzArchive("/data/mnist.npz"), DataLocation.parse("/data/mnist.npz"));
        assertEquals(new NpzArchive("hdfs://nn:8020/d/MNIST.NPZ"), DataLocation.parse(" hdfs://nn:8020/d/MNIST.NPZ "));
        assertEquals(new IdxDirectory("s3a://bucket/mnist/"), DataLocation.parse("s3a://bucket/mnist/"));
        assertEquals(new IdxDirectory("./embedded"), DataLocation.parse("./embedded"));
        assertEquals(new IdxDirectory("/data/mnist.npz.d"), DataLocation.parse("/data/mnist.npz.d"));
        assertEquals("file:///data/mnist", DataLocation.parse("file:///data/mnist").describe());
    }

    @Test
    void eachLocationsSpecParsesBackToIt() {
        for (DataLocation location : new DataLocation[] {new EmbeddedMnist(), new IdxDirectory("hdfs://nn/mnist"),
            new NpzArchive("/data/Mnist.NPZ"), new IdxDirectory("./embedded")}) {
            assertEquals(location, DataLocation.parse(location.spec()), location.spec());
        }
    }

    @Test
    void recordsRefuseBlankUris() {
        assertThrows(IllegalArgumentException.class, () -> new IdxDirectory(" "));
        assertThrows(IllegalArgumentException.class, () -> new NpzArchive(null));
    }

    @Test
    void locationsAndShapesSurviveJavaSerialization() throws Exception {
        for (Object value : new Object[] {new EmbeddedMnist(), new IdxDirectory("hdfs://nn/mnist"),
            new NpzArchive("/tmp/mnist.npz"), new ImageShape(28, 28)}) {
            assertEquals(value, roundTrip(value));
        }
    }

    @Test
    void imageShapeIsValidated() {
        assertEquals(35, new ImageShape(5, 7).pixels());
        assertThrows(IllegalArgumentException.class, () -> new ImageShape(0, 28));
        assertThrows(IllegalArgumentException.class, () -> new ImageShape(28, -1));
        assertThrows(IllegalArgumentException.class, () -> new ImageShape(4097, 4096));
        assertEquals(1 << 24, new ImageShape(4096, 4096).pixels());
    }

    @Test
    void dataFileIsValidated() {
        String sha = "0".repeat(64);
        assertEquals(3L, new DataFile("a", "file:/a", 3, sha).storedBytes());
        assertThrows(IllegalArgumentException.class, () -> new DataFile("a", "file:/a", 3, "ABC"));
        assertThrows(IllegalArgumentException.class, () -> new DataFile("a", "file:/a", 3, "F".repeat(64)));
        assertThrows(IllegalArgumentException.class, () -> new DataFile("a", "file:/a", -1, sha));
        assertThrows(IllegalArgumentException.class, () -> new DataFile(" ", "file:/a", 3, sha));
    }

    private static Object roundTrip(Object value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}
