package io.mnistspark.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mnistspark.SparkTestSession;
import io.mnistspark.train.StepRecord;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** history.parquet is plain Parquet: DuckDB, which shares no code with Spark, reads back every value exactly. */
class HistoryParquetDuckDbTest {
    @TempDir
    Path tmp;

    @Test
    void duckDbReadsEveryRowAndTypeAsWritten() throws Exception {
        Map<String, List<StepRecord>> runs = new LinkedHashMap<>();
        runs.put("sgd-constant", SyntheticRuns.history(30, t -> 2.302585092994046 - t * 1e-5, 0));
        runs.put("adam-normal-early", SyntheticRuns.history(12, t -> Math.exp(-t / 7.0), 12));
        // an L-BFGS run: some iterations take more than one pass
        runs.put("lbfgs-normal-early", SyntheticRuns.history(9, t -> Math.exp(-t / 3.0), 9).stream()
                .map(r -> new StepRecord(r.step(), r.trainLoss(), r.valLoss(), r.trainAccuracy(), r.valAccuracy(),
                        r.elapsedMs(), 1 + r.step() % 3)).toList());
        String path = tmp.resolve("history.parquet").toString();
        HistoryParquet.write(SparkTestSession.get(), runs, path);

        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
                Statement sql = db.createStatement()) {
            String source = "read_parquet('" + path.replace("'", "''") + "/*.parquet')";
            try (ResultSet types = sql.executeQuery("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM "
                    + source + ")")) {
                Map<String, String> schema = new LinkedHashMap<>();
                while (types.next()) {
                    schema.put(types.getString(1), types.getString(2));
                }
                assertEquals(Map.of("run", "VARCHAR", "step", "INTEGER", "train_loss", "DOUBLE", "val_loss", "DOUBLE",
                        "train_accuracy", "DOUBLE", "val_accuracy", "DOUBLE", "elapsed_ms", "BIGINT", "passes", "INTEGER"), schema);
                assertEquals(List.of("run", "step", "train_loss", "val_loss", "train_accuracy", "val_accuracy",
                        "elapsed_ms", "passes"), List.copyOf(schema.keySet()));
            }
            for (Map.Entry<String, List<StepRecord>> run : runs.entrySet()) {
                try (ResultSet rows = sql.executeQuery("SELECT step, train_loss, val_loss, train_accuracy, val_accuracy, "
                        + "elapsed_ms, passes FROM " + source + " WHERE run = '" + run.getKey() + "' ORDER BY step")) {
                    for (StepRecord want : run.getValue()) {
                        assertTrue(rows.next(), run.getKey() + ": DuckDB has fewer rows than the "
                                + run.getValue().size() + " written");
                        StepRecord got = new StepRecord(rows.getInt(1), rows.getDouble(2), rows.getDouble(3),
                                rows.getDouble(4), rows.getDouble(5), rows.getLong(6), rows.getInt(7));
                        assertEquals(want, got, run.getKey() + " step " + want.step());
                    }
                    assertFalse(rows.next(), run.getKey() + ": DuckDB has more rows than written");
                }
            }
        }
    }
}
