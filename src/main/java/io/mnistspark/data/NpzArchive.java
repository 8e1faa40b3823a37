package io.mnistspark.data;

import java.util.Objects;
import org.apache.hadoop.conf.Configuration;

/**
 * A Keras-style {@code mnist.npz}: a zip of the {@code .npy} arrays {@code x_train} (uint8, n x rows x cols),
 * {@code y_train} (integer, n), {@code x_test} and {@code y_test}, as written by {@code np.savez} (stored
 * members) or {@code np.savez_compressed} (deflated members).
 *
 * <p>Arrays are parsed from their {@code .npy} headers only; pickled object arrays are refused and never
 * unpickled, so an untrusted npz cannot run code.
 *
 * @param uri a Hadoop path or URI of the {@code .npz} file; not blank
 */
public record NpzArchive(String uri) implements RecordSource {

    public NpzArchive {
        if (uri == null || uri.isBlank()) {
            throw new IllegalArgumentException("npz URI must not be blank, got " + (uri == null ? "null" : "\"" + uri + "\""));
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
        PartScan[] parts = NpzDataset.scan(this, Objects.requireNonNull(conf, "conf"));
        return DatasetReader.combine(this, parts[0], parts[1], classes);
    }

    @Override
    public RecordCursor open(Part part, int first, int end, Configuration conf) {
        return NpzDataset.open(this, part, first, end, Objects.requireNonNull(conf, "conf"));
    }
}
