package io.mnistspark.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.mnistspark.data.DatasetInfo;
import io.mnistspark.data.TrainValidationSplit;
import io.mnistspark.train.JobSettings;
import io.mnistspark.train.RunOutcome;
import io.mnistspark.train.TrainingResult;
import io.mnistspark.train.TrainingSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code summary.json}: {@code {"job": {...}, "runs": [{...}, ...]}}. Each run carries every setting, the
 * data's checksums, the updates applied, how it ended, its final and best losses, and the test accuracy
 * and confusion matrix, so a run can be traced back to exactly what produced it.
 */
public final class SummaryJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SummaryJson() {
    }

    /** Where the job ran and on what. */
    public record JobContext(DatasetInfo data, TrainValidationSplit split, int partitions, String master,
            String sparkVersion, String appVersion, String startedAt) {
    }

    public static String render(JobSettings job, JobContext context, List<RunOutcome> outcomes) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("job", jobSection(job, context));
        List<Object> runs = new ArrayList<>();
        for (RunOutcome outcome : outcomes) {
            runs.add(runSection(job, context, outcome));
        }
        root.put("runs", runs);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("summary could not be rendered", e);
        }
    }

    private static Map<String, Object> jobSection(JobSettings job, JobContext context) {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("app_version", context.appVersion());
        section.put("spark_version", context.sparkVersion());
        section.put("master", context.master());
        section.put("started_at", context.startedAt());
        section.put("partitions", context.partitions());
        section.put("out", job.out());
        return section;
    }

    private static Map<String, Object> runSection(JobSettings job, JobContext context, RunOutcome outcome) {
        TrainingSettings s = outcome.settings();
        TrainingResult r = outcome.result();
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("name", s.runName());
        run.put("settings", settings(job, context, s));
        run.put("data", data(context));
        run.put("steps", r.steps());
        run.put("stopped_early", r.stoppedEarly());
        run.put("diverged", r.diverged());
        run.put("diverged_at_step", r.diverged() ? r.divergedAt() : null);
        run.put("divergence", r.diverged() ? r.divergence().message() : null);
        run.put("best_step", r.bestStep() > 0 ? r.bestStep() : null);
        run.put("best_val_loss", r.bestStep() > 0 ? r.bestValLoss() : null);
        run.put("restored_best", r.restoredBest());
        boolean any = !r.history().isEmpty();
        run.put("final_train_loss", any ? r.last().trainLoss() : null);
        run.put("final_val_loss", any ? r.last().valLoss() : null);
        run.put("final_train_accuracy", any ? r.last().trainAccuracy() : null);
        run.put("final_val_accuracy", any ? r.last().valAccuracy() : null);
        run.put("test_accuracy", outcome.confusion() == null ? null : outcome.testAccuracy());
        run.put("confusion_matrix", outcome.confusion() == null ? null : outcome.confusion().rows());
        run.put("wall_seconds", outcome.wallSeconds());
        return run;
    }

    private static Map<String, Object> settings(JobSettings job, JobContext context, TrainingSettings s) {
        Map<String, Object> out = SettingsJson.encode(s);
        out.remove("name");
        out.put("val_fraction", job.valFraction());
        out.put("split_seed", job.splitSeed());
        out.put("partitions", context.partitions());
        return out;
    }

    private static Map<String, Object> data(JobContext context) {
        DatasetInfo info = context.data();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("location", info.location().describe());
        out.put("image_rows", info.shape().rows());
        out.put("image_cols", info.shape().cols());
        out.put("classes", info.classes());
        out.put("train_records", context.split().trainCount());
        out.put("validation_records", context.split().validationCount());
        out.put("test_records", info.testLabels().length);
        out.put("files", SettingsJson.files(info));
        return out;
    }
}
