package io.mnistspark.data;

import java.util.Map;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;

/**
 * A directory holding the four MNIST-format IDX files {@code train-images-idx3-ubyte},
 * {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte} and {@code t10k-labels-idx1-ubyte},
 * each either raw or gzip-compressed with a {@code .gz} suffix.
 *
 * <p>When both the raw and the {@code .gz} form of a file are present (as after {@code gunzip -k}), the raw
 * one is read: it decodes faster and lets each Spark partition seek straight to its first record instead
 * of decompressing everything before it. The chosen file is named in {@link DatasetInfo#files()}, with its
 * SHA-256, so the choice is visible in the run record.
 *
 * @param uri a Hadoop path or URI ({@code /data/mnist}, {@code file:///...}, {@code hdfs://...},
 *            {@code s3a://...}); not blank
 */
public record IdxDirectory(String uri) implements RecordSource {

    public IdxDirectory {
        if (uri == null || uri.isBlank()) {
            throw new IllegalArgumentException("IDX directory URI must not be blank, got " + (uri == null ? "null" : "\"" + uri + "\""));
        }
    }

    @Override
    public String describe() {
        return uri;
    }

    @Override
    public String spec() {
        return uri;
    }

    @Override
    public DatasetInfo inspect(Configuration conf, ClassCount classes) {
        Objects.requireNonNull(conf, "conf");
        return IdxDataset.inspect(this, part -> files(part, conf), classes);
    }

    @Override
    public RecordCursor open(Part part, int first, int end, Configuration conf) {
        return IdxDataset.open(files(part, Objects.requireNonNull(conf, "conf")), first, end);
    }

    /** The part's image and label files; refuses a path that is a file, or a directory that lacks one. */
    private IdxFile[] files(Part part, Configuration conf) {
        HadoopFile directory = HadoopFile.stat(uri, conf);
        if (!directory.isDirectory()) {
            throw new DataException(directory.location() + ": is a file, not a directory; give the directory "
                    + "holding the four IDX files, or a path ending in .npz for a Keras-style mnist.npz");
        }
        Map<String, HadoopFile> listing = directory.listFiles();
        return new IdxFile[] {
            IdxFile.inDirectory(directory, listing, part.idxImages()),
            IdxFile.inDirectory(directory, listing, part.idxLabels())};
    }
}
