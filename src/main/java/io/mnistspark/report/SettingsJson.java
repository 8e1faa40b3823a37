package io.mnistspark.report;

import io.mnistspark.data.DataFile;
import io.mnistspark.data.DatasetInfo;
import io.mnistspark.model.ConstantInit;
import io.mnistspark.model.NormalInit;
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

    /** Every setting of a run, flat: early-stopping fields appear only when it is on. */
    public static Map<String, Object> encode(TrainingSettings s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", s.runName());
        out.put("hidden", s.hidden());
        out.put("init", s.init().name());
        if (s.init() instanceof ConstantInit constant) {
            out.put("init_value", constant.value());
        } else if (s.init() instanceof NormalInit normal) {
            out.put("init_stddev", normal.stddev());
            out.put("seed", normal.seed());
        }
        out.put("optimizer", s.optimizer().label());
        out.put("learning_rate", s.learningRate());
        out.put("hyperparameter_dtype", s.hyperparameterDtype().label());
        out.put("effective_learning_rate", s.effectiveLearningRate());
        out.put("max_steps", s.maxSteps());
        out.put("early_stopping", s.earlyStopping().isPresent());
        s.earlyStopping().ifPresent(rule -> {
            out.put("patience", rule.patience());
            out.put("min_delta", rule.minDelta());
            out.put("restore_best", rule.restoreBest());
        });
        out.put("print_every", s.printEvery());
        out.put("tree_depth", s.treeDepth());
        return out;
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
