package io.mnistspark.job;

import com.fasterxml.jackson.databind.JsonNode;
import io.mnistspark.train.ConfusionMatrix;
import io.mnistspark.train.Divergence;
import io.mnistspark.train.RunOutcome;
import io.mnistspark.train.StepRecord;
import io.mnistspark.train.TrainingResult;
import io.mnistspark.train.TrainingSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Histories and finished runs to and from JSON for checkpoints. Doubles are written as Java's shortest
 * round-tripping text, so they read back bit for bit.
 */
final class HistoryCodec {
    private HistoryCodec() {
    }

    /** Each step as [step, train_loss, val_loss, train_accuracy, val_accuracy, elapsed_ms, passes]. */
    static List<Object> encode(List<StepRecord> history) {
        List<Object> rows = new ArrayList<>();
        for (StepRecord r : history) {
            rows.add(List.of(r.step(), r.trainLoss(), r.valLoss(), r.trainAccuracy(), r.valAccuracy(), r.elapsedMs(),
                    r.passes()));
        }
        return rows;
    }

    static List<StepRecord> decodeHistory(JsonNode rows) {
        List<StepRecord> history = new ArrayList<>();
        for (JsonNode row : rows) {
            history.add(new StepRecord(row.get(0).asInt(), row.get(1).asDouble(), row.get(2).asDouble(),
                    row.get(3).asDouble(), row.get(4).asDouble(), row.get(5).asLong(),
                    row.size() > 6 ? row.get(6).asInt() : 1));
        }
        return history;
    }

    static Map<String, Object> encode(RunOutcome outcome) {
        TrainingResult r = outcome.result();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("history", encode(r.history()));
        json.put("stopped_early", r.stoppedEarly());
        json.put("diverged_at", r.divergedAt());
        json.put("divergence", r.diverged() ? encode(r.divergence()) : null);
        json.put("best_step", r.bestStep());
        json.put("best_val_loss", r.bestValLoss());
        json.put("restored_best", r.restoredBest());
        json.put("confusion", outcome.confusion() == null ? null : outcome.confusion().rows());
        json.put("wall_seconds", outcome.wallSeconds());
        return json;
    }

    private static Map<String, Object> encode(Divergence d) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("step", d.step());
        json.put("cause", d.cause().name());
        json.put("train_loss", d.trainLoss());
        json.put("first_loss", d.firstLoss());
        json.put("factor", d.factor());
        return json;
    }

    private static Divergence decodeDivergence(JsonNode json) {
        if (!json.isObject()) {
            return null;
        }
        return new Divergence(json.path("step").asInt(), Divergence.Cause.valueOf(json.path("cause").asText()),
                json.path("train_loss").asDouble(), json.path("first_loss").asDouble(), json.path("factor").asDouble());
    }

    static RunOutcome decodeOutcome(JsonNode json, TrainingSettings settings, double[] params) {
        TrainingResult result = new TrainingResult(params, decodeHistory(json.path("history")),
                json.path("stopped_early").asBoolean(), decodeDivergence(json.path("divergence")),
                json.path("best_step").asInt(), json.path("best_val_loss").asDouble(),
                json.path("restored_best").asBoolean());
        ConfusionMatrix confusion = null;
        JsonNode rows = json.path("confusion");
        if (rows.isArray()) {
            confusion = new ConfusionMatrix(rows.size());
            for (int a = 0; a < rows.size(); a++) {
                for (int p = 0; p < rows.size(); p++) {
                    confusion.add(a, p, rows.get(a).get(p).asLong());
                }
            }
        }
        return new RunOutcome(settings, result, confusion, json.path("wall_seconds").asDouble());
    }
}
