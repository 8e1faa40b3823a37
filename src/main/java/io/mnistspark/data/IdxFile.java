package io.mnistspark.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.net.URL;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.fs.Seekable;

/**
 * One IDX file, found but not yet opened: in a Hadoop file system or among the jar's resources.
 *
 * <p>Gzip is recognised by its content (magic {@code 1f 8b}), so a raw-named file that is compressed still
 * reads; a {@code .gz}-named file that is not gzip is refused rather than parsed as raw, because the name
 * then says something false about the file and the user should know.
 */
final class IdxFile {

    /** Opens the stored bytes; lets one class serve both file systems and jar resources. */
    @FunctionalInterface
    private interface Opener {
        InputStream open() throws IOException;
    }

    /**
     * Decoded content of an opened file.
     *
     * @param stream      the IDX bytes from offset 0; {@link Seekable} when raw on a Hadoop file system
     * @param gzip        whether the stored bytes are gzip
     * @param knownLength decoded length when known without reading (raw files), else -1
     */
    record Opened(InputStream stream, boolean gzip, long knownLength) {
    }

    private final String name;
    private final String location;
    private final long storedBytes;
    private final Opener opener;

    private IdxFile(String name, String location, long storedBytes, Opener opener) {
        this.name = name;
        this.location = location;
        this.storedBytes = storedBytes;
        this.opener = opener;
    }

    /**
     * Finds {@code baseName} or {@code baseName.gz} in a directory listing, preferring the raw file (see
     * {@link IdxDirectory}); refuses when neither is there.
     */
    static IdxFile inDirectory(HadoopFile directory, Map<String, HadoopFile> listing, String baseName) {
        HadoopFile file = listing.getOrDefault(baseName, listing.get(baseName + ".gz"));
        if (file == null) {
            throw new DataException(directory.location() + ": missing " + baseName + " (looked for " + baseName
                    + " and " + baseName + ".gz); an IDX directory needs train-images-idx3-ubyte, "
                    + "train-labels-idx1-ubyte, t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte, raw or .gz");
        }
        return new IdxFile(file.name(), file.location(), file.length(), file::open);
    }

    /** One of the embedded MNIST files, {@code /mnist/<baseName>.gz} on the class path. */
    static IdxFile embedded(String baseName) {
        String resource = EmbeddedMnist.RESOURCE_DIR + baseName + ".gz";
        String location = "classpath:" + resource;
        URL url = EmbeddedMnist.class.getResource(resource);
        if (url == null) {
            throw new DataException(location + ": resource missing from the application jar; "
                    + "rebuild the jar with src/main/resources/mnist");
        }
        Opener opener = () -> {
            InputStream in = EmbeddedMnist.class.getResourceAsStream(resource);
            if (in == null) {
                throw new IOException("resource vanished from the application jar (was the jar replaced while running?)");
            }
            return in;
        };
        try {
            long length = url.openConnection().getContentLengthLong();
            if (length < 0) {
                try (InputStream in = opener.open()) {
                    length = Streams.consume(in, Long.MAX_VALUE, new byte[Streams.BUFFER]);
                }
            }
            return new IdxFile(baseName + ".gz", location, length, opener);
        } catch (IOException e) {
            throw Streams.failure(location, "cannot read the resource size", e);
        }
    }

    String name() {
        return name;
    }

    String location() {
        return location;
    }

    /** Size as stored (compressed size of a .gz). */
    long storedBytes() {
        return storedBytes;
    }

    /** Opens the decoded IDX bytes from offset 0: gunzipped when the content is gzip. */
    Opened open() {
        InputStream stored;
        try {
            stored = opener.open();
        } catch (IOException e) {
            throw Streams.failure(location, "cannot open", e);
        }
        if (stored == null) {
            throw new DataException(location + ": cannot open (resource vanished from the class path)");
        }
        try {
            return decode(stored);
        } catch (RuntimeException e) {
            closeAfterFailure(stored, e);
            throw e;
        }
    }

    private Opened decode(InputStream stored) {
        int b0;
        int b1;
        InputStream peeked;
        try {
            if (stored instanceof Seekable seekable) {
                b0 = stored.read();
                b1 = b0 < 0 ? -1 : stored.read();
                seekable.seek(0);
                peeked = stored;
            } else {
                PushbackInputStream pushback = new PushbackInputStream(stored, 2);
                b0 = pushback.read();
                b1 = b0 < 0 ? -1 : pushback.read();
                if (b1 >= 0) {
                    pushback.unread(b1);
                }
                if (b0 >= 0) {
                    pushback.unread(b0);
                }
                peeked = pushback;
            }
        } catch (IOException e) {
            throw Streams.failure(location, "cannot read", e);
        }
        boolean gzip = b0 == 0x1f && b1 == 0x8b;
        if (name.endsWith(".gz") && !gzip) {
            throw new DataException(location + ": named .gz but not gzip data (it starts with "
                    + (b0 < 0 ? "nothing, the file is empty" : String.format("%02x %02x", b0, Math.max(b1, 0)))
                    + " instead of 1f 8b); rename it without .gz if it is a raw IDX file");
        }
        if (!gzip) {
            return new Opened(peeked, false, storedBytes);
        }
        try {
            return new Opened(new GZIPInputStream(peeked, Streams.BUFFER), true, -1);
        } catch (IOException e) {
            throw Streams.failure(location, "corrupt gzip header", e);
        }
    }

    private static void closeAfterFailure(InputStream stream, RuntimeException failure) {
        try {
            stream.close();
        } catch (IOException suppressed) {
            failure.addSuppressed(suppressed);
        }
    }
}
