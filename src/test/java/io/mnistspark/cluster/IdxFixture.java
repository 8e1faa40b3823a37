package io.mnistspark.cluster;

import io.mnistspark.data.DatasetReader;
import io.mnistspark.data.NpzArchive;
import io.mnistspark.data.Part;
import io.mnistspark.data.RecordCursor;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;

/**
 * The numpy-written 100-image fixture ({@code mnist-first100.npz}: 100 training and 50 test records of
 * MNIST) as the four raw IDX files a real MNIST download has, for copying onto HDFS.
 */
final class IdxFixture {
    static final String NPZ_RESOURCE = "/fixtures/mnist-first100.npz";
    private static final int TRAIN_RECORDS = 100;
    private static final int TEST_RECORDS = 50;
    private static final int SIDE = 28;

    private IdxFixture() {
    }

    /** The fixture npz as a local path. */
    static String npz() {
        try {
            return Path.of(IdxFixture.class.getResource(NPZ_RESOURCE).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code train-images-idx3-ubyte} and the three other files into {@code dir} and returns it. */
    static Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        writePart(dir, Part.TRAIN, "train", TRAIN_RECORDS);
        writePart(dir, Part.TEST, "t10k", TEST_RECORDS);
        return dir;
    }

    private static void writePart(Path dir, Part part, String prefix, int count) throws IOException {
        byte[] pixels = new byte[SIDE * SIDE];
        try (RecordCursor cursor = DatasetReader.open(new NpzArchive(npz()), part, 0, count, new Configuration());
                DataOutputStream images = open(dir.resolve(prefix + "-images-idx3-ubyte"));
                DataOutputStream labels = open(dir.resolve(prefix + "-labels-idx1-ubyte"))) {
            images.writeInt(2051); // IDX magic: unsigned bytes, 3 dimensions
            images.writeInt(count);
            images.writeInt(SIDE);
            images.writeInt(SIDE);
            labels.writeInt(2049); // unsigned bytes, 1 dimension
            labels.writeInt(count);
            for (int record = 0; record < count; record++) {
                labels.writeByte(cursor.next(pixels));
                images.write(pixels);
            }
        }
    }

    private static DataOutputStream open(Path file) throws IOException {
        OutputStream out = Files.newOutputStream(file);
        return new DataOutputStream(out);
    }
}
