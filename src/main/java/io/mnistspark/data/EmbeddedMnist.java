package io.mnistspark.data;

import org.apache.hadoop.conf.Configuration;
import java.util.Map;

/**
 * The real MNIST (LeCun, Cortes, Burges; CC BY-SA 3.0) packed into the application jar under
 * {@code /mnist/}, as the four gzip-compressed IDX files.
 *
 * <p>Read through {@code EmbeddedMnist.class.getResourceAsStream}, not a file path, so it works the same
 * from {@code target/classes}, from the shaded jar on the driver, and from the copy of that jar that
 * spark-submit ships to every executor.
 */
public record EmbeddedMnist() implements RecordSource {

    /** Folder of the resources inside the jar. */
    static final String RESOURCE_DIR = "/mnist/";

    /**
     * SHA-256 of the decompressed content of each embedded file, as published with the shared data
     * (independent of this code). {@link DatasetReader#inspect} refuses a jar whose copy differs, so a
     * damaged or swapped resource cannot silently train a different model.
     */
    static final Map<String, String> DECODED_SHA256 = Map.of(
            "train-images-idx3-ubyte", "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
            "train-labels-idx1-ubyte", "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
            "t10k-images-idx3-ubyte", "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
            "t10k-labels-idx1-ubyte", "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2");

    @Override
    public String describe() {
        return "embedded MNIST (jar resources)";
    }

    @Override
    public String spec() {
        return "embedded";
    }

    /** Also refuses a jar whose files differ from the published MNIST (see {@link #DECODED_SHA256}). */
    @Override
    public DatasetInfo inspect(Configuration conf, ClassCount classes) {
        DatasetInfo info = IdxDataset.inspect(this, EmbeddedMnist::files, classes);
        DatasetReader.checkEmbeddedHashes(info.files());
        return info;
    }

    @Override
    public RecordCursor open(Part part, int first, int end, Configuration conf) {
        return IdxDataset.open(files(part), first, end);
    }

    private static IdxFile[] files(Part part) {
        return new IdxFile[] {IdxFile.embedded(part.idxImages()), IdxFile.embedded(part.idxLabels())};
    }
}
