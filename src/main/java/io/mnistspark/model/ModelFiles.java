package io.mnistspark.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.mnistspark.numpy.NpyDoubles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A trained model on disk: {@code W1.npy} (inputs x hidden), {@code b1.npy}, {@code W2.npy}
 * (hidden x classes), {@code b2.npy}, float64 {@code .npy} files numpy loads as they are, and
 * {@code model.json} with the shape, the format and where the parameters came from.
 */
public final class ModelFiles {
    public static final String FORMAT = "mnist-spark-mlp model v1: W1, b1, W2, b2 as float64 .npy (C order)";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelFiles() {
    }

    /** Writes the model into {@code dir} (created); {@code provenance} goes into model.json as it is. */
    public static void save(FileSystem fs, Path dir, NetworkShape shape, double[] params,
            Map<String, Object> provenance) throws IOException {
        if (params.length != shape.parameterCount()) {
            throw new IllegalArgumentException("network " + shape + " has " + shape.parameterCount()
                    + " parameters, got " + params.length);
        }
        fs.mkdirs(dir);
        writeArray(fs, new Path(dir, "W1.npy"), slice(params, shape.w1Offset(), shape.b1Offset()), shape.inputs(), shape.hidden());
        writeArray(fs, new Path(dir, "b1.npy"), slice(params, shape.b1Offset(), shape.w2Offset()), shape.hidden());
        writeArray(fs, new Path(dir, "W2.npy"), slice(params, shape.w2Offset(), shape.b2Offset()), shape.hidden(), shape.classes());
        writeArray(fs, new Path(dir, "b2.npy"), slice(params, shape.b2Offset(), shape.parameterCount()), shape.classes());
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("format", FORMAT);
        meta.put("inputs", shape.inputs());
        meta.put("hidden", shape.hidden());
        meta.put("classes", shape.classes());
        meta.put("activation", "relu");
        meta.put("provenance", provenance);
        try (OutputStream out = fs.create(new Path(dir, "model.json"), true)) {
            JSON.writeValue(out, meta);
        }
    }

    /**
     * Loads a model saved by {@link #save}.
     *
     * @throws IOException with a message naming the file when something is missing or malformed
     */
    public static SavedModel load(String location, Configuration conf) throws IOException {
        Path dir = new Path(location);
        FileSystem fs = dir.getFileSystem(conf);
        Path metaPath = new Path(dir, "model.json");
        if (!fs.exists(metaPath)) {
            throw new IOException(metaPath + ": not found; --model takes the model/ directory a training run wrote");
        }
        JsonNode meta;
        try (InputStream in = fs.open(metaPath)) {
            meta = JSON.readTree(in);
        }
        NetworkShape shape;
        try {
            shape = new NetworkShape(meta.path("inputs").asInt(-1), meta.path("hidden").asInt(-1),
                    meta.path("classes").asInt(-1));
        } catch (IllegalArgumentException e) {
            throw new IOException(metaPath + ": " + e.getMessage(), e);
        }
        double[] params = new double[shape.parameterCount()];
        readInto(fs, new Path(dir, "W1.npy"), params, shape.w1Offset(), shape.b1Offset());
        readInto(fs, new Path(dir, "b1.npy"), params, shape.b1Offset(), shape.w2Offset());
        readInto(fs, new Path(dir, "W2.npy"), params, shape.w2Offset(), shape.b2Offset());
        readInto(fs, new Path(dir, "b2.npy"), params, shape.b2Offset(), shape.parameterCount());
        return new SavedModel(shape, params);
    }

    private static void writeArray(FileSystem fs, Path path, double[] values, int... shape) throws IOException {
        try (OutputStream out = fs.create(path, true)) {
            NpyDoubles.write(out, values, shape);
        }
    }

    private static void readInto(FileSystem fs, Path path, double[] params, int from, int to) throws IOException {
        if (!fs.exists(path)) {
            throw new IOException(path + ": not found; the model directory is incomplete");
        }
        try (InputStream in = fs.open(path)) {
            double[] values = NpyDoubles.read(in, path.toString(), to - from);
            System.arraycopy(values, 0, params, from, values.length);
        }
    }

    private static double[] slice(double[] params, int from, int to) {
        return Arrays.copyOfRange(params, from, to);
    }
}
