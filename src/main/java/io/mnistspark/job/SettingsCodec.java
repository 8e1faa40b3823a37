package io.mnistspark.job;

import com.fasterxml.jackson.databind.JsonNode;
import io.mnistspark.data.ClassCount;
import io.mnistspark.data.DataLocation;
import io.mnistspark.data.DataSpec;
import io.mnistspark.data.TableFormat;
import io.mnistspark.report.SettingsJson;
import io.mnistspark.train.JobSettings;
import io.mnistspark.train.TrainingSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Job and run settings to and from JSON trees, so a checkpoint carries everything a resume needs. */
final class SettingsCodec {
    private SettingsCodec() {
    }

    static Map<String, Object> encode(JobSettings job) {
        Map<String, Object> out = new LinkedHashMap<>();
        DataSpec data = job.data().dataSpec();
        out.put("data", data.data());
        if (data.format() != null) {
            out.put("data_format", data.format().sparkName());
        }
        if (data.testData() != null) {
            out.put("test_data", data.testData());
        }
        if (data.numFeatures() != 0) {
            out.put("num_features", data.numFeatures());
        }
        if (job.classes().isStated()) {
            out.put("classes", job.classes().stated());
        }
        out.put("val_fraction", job.valFraction());
        out.put("split_seed", job.splitSeed());
        out.put("partitions", job.partitions());
        out.put("out", job.out());
        out.put("checkpoint_every", job.checkpointEvery());
        List<Object> runs = new ArrayList<>();
        for (TrainingSettings run : job.runs()) {
            runs.add(SettingsJson.encode(run));
        }
        out.put("runs", runs);
        return out;
    }

    static JobSettings decodeJob(JsonNode node) {
        List<TrainingSettings> runs = new ArrayList<>();
        for (JsonNode run : node.path("runs")) {
            runs.add(SettingsJson.decode(run, text(run, "name")));
        }
        JsonNode format = node.path("data_format");
        DataSpec data = new DataSpec(text(node, "data"), format.isTextual() ? TableFormat.named(format.asText()) : null,
                node.path("test_data").isTextual() ? node.path("test_data").asText() : null,
                node.path("num_features").asInt(0));
        return new JobSettings(DataLocation.of(data), new ClassCount(node.path("classes").asInt(0)),
                number(node, "val_fraction"),
                node.path("split_seed").asLong(), node.path("partitions").asInt(), text(node, "out"), false,
                node.path("checkpoint_every").asInt(), runs);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual()) {
            throw new IllegalArgumentException("checkpoint field '" + field + "' is missing or not text");
        }
        return value.asText();
    }

    private static double number(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isNumber()) {
            throw new IllegalArgumentException("checkpoint field '" + field + "' is missing or not a number");
        }
        return value.asDouble();
    }
}
