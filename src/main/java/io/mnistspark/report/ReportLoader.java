package io.mnistspark.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mnistspark.train.StepRecord;
import io.mnistspark.train.TrainingSettings;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * Reads a finished run directory back for {@code plot}: the runs, their settings and test results from
 * {@code summary.json}, their histories from {@code history.parquet}. The two must agree (the same runs,
 * one history row per update the summary counts), or the plots would show something the job never did.
 */
public final class ReportLoader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReportHeader header;
    private final List<RunReport> runs;

    private ReportLoader(ReportHeader header, List<RunReport> runs) {
        this.header = header;
        this.runs = runs;
    }

    /**
     * Loads {@code dir}.
     *
     * @throws IllegalArgumentException if a file is missing, or the history and summary disagree (the message says how)
     */
    public static ReportLoader load(SparkSession spark, FileSystem fs, Path dir) throws IOException {
        checkFiles(fs, dir);
        Path summaryFile = new Path(dir, "summary.json");
        Path historyFile = new Path(dir, "history.parquet");
        JsonNode summary;
        try (InputStream in = fs.open(summaryFile)) {
            summary = JSON.readTree(in);
        }
        JsonNode runNodes = summary.path("runs");
        if (!runNodes.isArray() || runNodes.isEmpty()) {
            throw new IllegalArgumentException(summaryFile + ": expected a non-empty \"runs\" array");
        }
        Map<String, List<StepRecord>> histories = HistoryParquet.readAll(spark, historyFile.toString());
        List<RunReport> runs = new ArrayList<>();
        for (JsonNode node : runNodes) {
            String name = node.path("name").asText();
            List<StepRecord> history = histories.remove(name);
            if (history == null) {
                throw new IllegalArgumentException(historyFile + " has no rows for run " + name + " of summary.json");
            }
            runs.add(run(node, history));
        }
        if (!histories.isEmpty()) {
            throw new IllegalArgumentException(historyFile + " holds runs that summary.json does not list: "
                    + String.join(", ", histories.keySet()));
        }
        return new ReportLoader(header(summary), List.copyOf(runs));
    }

    /**
     * Fails fast, before Spark starts, when {@code dir} lacks {@code summary.json} or {@code history.parquet}.
     *
     * @throws IllegalArgumentException naming the missing file
     */
    public static void checkFiles(FileSystem fs, Path dir) throws IOException {
        for (String name : List.of("summary.json", "history.parquet")) {
            if (!fs.exists(new Path(dir, name))) {
                throw new IllegalArgumentException(name + " is missing: expected a directory written by train or suite");
            }
        }
    }

    public ReportHeader header() {
        return header;
    }

    /** The runs, in the order they trained. */
    public List<RunReport> runs() {
        return runs;
    }

    private static RunReport run(JsonNode node, List<StepRecord> history) {
        TrainingSettings s = SettingsJson.decode(node.path("settings"), node.path("name").asText());
        JsonNode matrix = node.path("confusion_matrix");
        long[][] confusion = null;
        if (matrix.isArray()) {
            confusion = new long[matrix.size()][];
            for (int r = 0; r < matrix.size(); r++) {
                confusion[r] = new long[matrix.get(r).size()];
                for (int c = 0; c < confusion[r].length; c++) {
                    confusion[r][c] = matrix.get(r).get(c).asLong();
                }
            }
        }
        JsonNode accuracy = node.path("test_accuracy");
        return new RunReport(node.path("name").asText(), s.hidden(), s.optimizer().label(), s.init().name(),
                RunReport.initDetail(s), s.learningRate(), s.penalty().regParam(), s.maxSteps(), s.earlyStopping().isPresent(),
                node.path("steps").asInt(),
                node.path("stopped_early").asBoolean(), node.path("diverged").asBoolean(),
                node.path("best_step").asInt(0), node.path("best_val_loss").asDouble(Double.NaN),
                accuracy.isNumber() ? accuracy.asDouble() : null, confusion, node.path("wall_seconds").asDouble(),
                history);
    }

    private static ReportHeader header(JsonNode summary) {
        JsonNode job = summary.path("job");
        JsonNode data = summary.path("runs").get(0).path("data");
        return new ReportHeader(data.path("location").asText(),
                data.path("image_rows").asInt() * data.path("image_cols").asInt(), data.path("classes").asInt(),
                data.path("train_records").asInt(), data.path("validation_records").asInt(),
                data.path("test_records").asInt(),
                job.path("partitions").asInt(), job.path("master").asText(), job.path("spark_version").asText(),
                job.path("app_version").asText(), job.path("started_at").asText());
    }
}
