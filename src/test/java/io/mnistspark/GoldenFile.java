package io.mnistspark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the golden files under src/test/resources/golden/, written by src/test/python/make_golden.py with
 * numpy: '#' lines are comments, and the comment right before a run of values labels that block.
 */
public final class GoldenFile {
    private final Map<String, double[]> blocks;

    private GoldenFile(Map<String, double[]> blocks) {
        this.blocks = blocks;
    }

    public static GoldenFile load(String name) {
        InputStream in = GoldenFile.class.getResourceAsStream("/golden/" + name);
        if (in == null) {
            throw new IllegalArgumentException("no golden file " + name);
        }
        Map<String, double[]> blocks = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String label = null;
            List<Double> values = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String text = line.strip();
                if (text.isEmpty()) {
                    continue;
                }
                if (text.startsWith("#")) {
                    flush(blocks, label, values);
                    label = text.substring(1).strip();
                    values = new ArrayList<>();
                } else {
                    values.add(Double.parseDouble(text));
                }
            }
            flush(blocks, label, values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new GoldenFile(blocks);
    }

    private static void flush(Map<String, double[]> blocks, String label, List<Double> values) {
        if (label != null && !values.isEmpty()) {
            blocks.put(label, values.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }

    /** The block labelled {@code prefix}, or else the first whose label starts with it. */
    public double[] block(String prefix) {
        if (blocks.containsKey(prefix)) {
            return blocks.get(prefix);
        }
        for (Map.Entry<String, double[]> block : blocks.entrySet()) {
            if (block.getKey().startsWith(prefix)) {
                return block.getValue();
            }
        }
        throw new IllegalArgumentException("no block starting with '" + prefix + "' among " + blocks.keySet());
    }

    /** Largest absolute value, for relative tolerances. */
    public static double maxAbs(double[] values) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }
}
