package io.mnistspark.report;

import io.mnistspark.data.DataFile;
import io.mnistspark.data.DatasetInfo;
import com.fasterxml.jackson.databind.JsonNode;
import io.mnistspark.settings.SettingValues;
import io.mnistspark.train.TrainingSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shape of a run's settings and of the data files read, shared by {@code summary.json}, the
 * {@code data} command and checkpoints, so every file names a setting the same way.
 */
public final class SettingsJson {
    private SettingsJson() {
    }

    /**
     * Every setting of a run, flat, under the keys {@code summary.json} has always used ({@code learning_rate},
     * {@code max_steps}, ...), then {@code effective_learning_rate} (the rate after the hyperparameter dtype)
     * and {@code params}: the same settings under their Spark ML param names, encoded as Spark ML writes params,
     * which is what {@link #decode} reads back.
     */
    public static Map<String, Object> encode(TrainingSettings s) {
        SettingValues values = SettingValues.of(s);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", s.runName());
        out.putAll(values.toSummaryJson());
        out.put("effective_learning_rate", s.effectiveLearningRate());
        out.put("params", values.toParamJson());
        return out;
    }

    /**
     * The settings of run {@code runName} that {@link #encode} wrote, from its {@code params}; a summary
     * written before those existed is read from its flat keys.
     *
     * @throws IllegalArgumentException for settings no run can have
     */
    public static TrainingSettings decode(JsonNode node, String runName) {
        JsonNode params = node.path("params");
        SettingValues values = params.isObject() ? SettingValues.fromParamJson(params)
                : SettingValues.fromSummaryJson(node);
        return values.toTrainingSettings(runName);
    }

    /** Each file read: name, location, bytes as stored, SHA-256 of the decoded content. */
    public static List<Object> files(DatasetInfo info) {
        List<Object> files = new ArrayList<>();
        for (DataFile file : info.files()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("name", file.name());
            f.put("location", file.location());
            f.put("bytes", file.storedBytes());
            f.put("sha256", file.sha256());
            files.add(f);
        }
        return files;
    }
}
