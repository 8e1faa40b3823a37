package io.mnistspark.data;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mnistspark.numpy.NpyBytes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.function.Executable;

/** Writers of small IDX and npz files and shared assertions for the data tests. */
final class TestData {

    static final String[] IDX_NAMES = {
        "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"};

    private TestData() {
    }

    static Configuration conf() {
        return new Configuration();
    }

    /** An IDX image file: magic 2051, count, rows, cols, then {@code pixels}. */
    static byte[] idxImages(int count, int rows, int cols, byte[] pixels) {
        return ByteBuffer.allocate(16 + pixels.length).putInt(2051).putInt(count).putInt(rows).putInt(cols)
                .put(pixels).array();
    }

    /** An IDX label file: magic 2049, count, then one byte per label. */
    static byte[] idxLabels(int count, int... labels) {
        ByteBuffer b = ByteBuffer.allocate(8 + labels.length).putInt(2049).putInt(count);
        for (int label : labels) {
            b.put((byte) label);
        }
        return b.array();
    }

    /** Pixels {@code (record * 31 + i * 7) mod 256}: distinct per record, all byte values, > 127 included. */
    static byte[] pattern(int count, int pixels) {
        byte[] out = new byte[count * pixels];
        for (int r = 0; r < count; r++) {
            for (int i = 0; i < pixels; i++) {
                out[r * pixels + i] = (byte) (r * 31 + i * 7);
            }
        }
        return out;
    }

    /**
     * Writes a small valid IDX dataset into {@code dir}: 6 train and 3 test images of 3 x 5, labels
     * train 0 1 2 0 1 2, test 2 1 0.
     */
    static void writeSmallIdx(Path dir) {
        write(dir.resolve(IDX_NAMES[0]), idxImages(6, 3, 5, pattern(6, 15)));
        write(dir.resolve(IDX_NAMES[1]), idxLabels(6, 0, 1, 2, 0, 1, 2));
        write(dir.resolve(IDX_NAMES[2]), idxImages(3, 3, 5, pattern(3, 15)));
        write(dir.resolve(IDX_NAMES[3]), idxLabels(3, 2, 1, 0));
    }

    static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] gunzip(InputStream in) {
        try (InputStream gz = new GZIPInputStream(in)) {
            return gz.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes of a class-path resource, e.g. {@code /fixtures/mnist-first100.npz}. */
    static byte[] resource(String name) {
        try (InputStream in = TestData.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + name + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a fixture npz to {@code dir} and returns its path. */
    static Path fixture(Path dir, String name) {
        Path file = dir.resolve(name);
        write(file, resource("/fixtures/" + name));
        return file;
    }

    /** A version 1.0 .npy, as numpy writes it. */
    static byte[] npy(String descr, boolean fortranOrder, String shape, byte[] data) {
        return NpyBytes.npy(descr, fortranOrder, shape, data);
    }

    /** Little-endian integers of {@code width} bytes. */
    static byte[] littleEndian(int width, long... values) {
        ByteBuffer b = ByteBuffer.allocate(width * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            switch (width) {
                case 1 -> b.put((byte) v);
                case 2 -> b.putShort((short) v);
                case 4 -> b.putInt((int) v);
                default -> b.putLong(v);
            }
        }
        return b.array();
    }

    /** Zips members in the given order, stored or deflated (deflated entries get data descriptors). */
    static byte[] zip(Map<String, byte[]> members, boolean deflate) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> member : members.entrySet()) {
                ZipEntry entry = new ZipEntry(member.getKey());
                if (!deflate) {
                    CRC32 crc = new CRC32();
                    crc.update(member.getValue());
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(member.getValue().length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(member.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The members of a small valid npz: x_train (4, 2, 3) uint8, y_train (4,) |u1 = 0 1 2 1,
     * x_test (2, 2, 3) uint8, y_test (2,) |u1 = 1 0; insertion-ordered so tests can replace one.
     */
    static Map<String, byte[]> smallNpzMembers() {
        Map<String, byte[]> members = new java.util.LinkedHashMap<>();
        members.put("x_train.npy", npy("|u1", false, "(4, 2, 3)", pattern(4, 6)));
        members.put("y_train.npy", npy("|u1", false, "(4,)", new byte[] {0, 1, 2, 1}));
        members.put("x_test.npy", npy("|u1", false, "(2, 2, 3)", pattern(2, 6)));
        members.put("y_test.npy", npy("|u1", false, "(2,)", new byte[] {1, 0}));
        return members;
    }

    /** A small valid npz (stored) whose {@code y_train.npy} is replaced by {@code labels}. */
    static byte[] npzWithTrainLabels(byte[] labels) {
        Map<String, byte[]> members = smallNpzMembers();
        members.put("y_train.npy", labels);
        return zip(members, false);
    }

    /**
     * Asserts that {@code action} throws a one-line {@link DataException} whose message contains every
     * fragment; returns the message.
     */
    static String assertRefused(Executable action, String... fragments) {
        DataException e = assertThrows(DataException.class, action);
        String message = e.getMessage();
        assertFalse(message.contains("\n") || message.contains("\r"), "message must be one line: " + message);
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), "message should contain '" + fragment + "': " + message);
        }
        return message;
    }

    /** Reads a whole cursor range; returns {pixel sum, label sum} and fills {@code labels} if not null. */
    static long[] sums(RecordCursor cursor, int records, int[] labels) {
        byte[] pixels = new byte[cursor.shape().pixels()];
        long pixelSum = 0;
        long labelSum = 0;
        for (int r = 0; r < records; r++) {
            int label = cursor.next(pixels);
            if (labels != null) {
                labels[r] = label;
            }
            labelSum += label;
            for (byte p : pixels) {
                pixelSum += p & 0xFF;
            }
        }
        return new long[] {pixelSum, labelSum};
    }

    /** The pixels of records {@code [first, end)} concatenated, with their labels. */
    static byte[] records(DataLocation location, Part part, int first, int end, int[] labels) {
        try (RecordCursor cursor = DatasetReader.open(location, part, first, end, conf())) {
            int n = cursor.shape().pixels();
            byte[] out = new byte[(end - first) * n];
            byte[] pixels = new byte[n];
            for (int r = 0; r < end - first; r++) {
                labels[r] = cursor.next(pixels);
                System.arraycopy(pixels, 0, out, r * n, n);
            }
            return out;
        }
    }
}
