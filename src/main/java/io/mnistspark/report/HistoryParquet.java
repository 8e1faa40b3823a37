package io.mnistspark.report;

import io.mnistspark.train.StepRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import static org.apache.spark.sql.functions.col;

/**
 * The loss history as a Parquet dataset, one row per (run, step): {@code run} string, {@code step} int
 * from 1, {@code train_loss}, {@code val_loss}, {@code train_accuracy}, {@code val_accuracy} doubles,
 * {@code elapsed_ms} long, {@code passes} int (distributed passes the step took: 1 for SGD and Adam, the line
 * search's evaluations for L-BFGS). One file, so pandas, DuckDB or Spark read it alike.
 */
public final class HistoryParquet {
    public static final StructType SCHEMA = new StructType()
            .add("run", DataTypes.StringType, false)
            .add("step", DataTypes.IntegerType, false)
            .add("train_loss", DataTypes.DoubleType, false)
            .add("val_loss", DataTypes.DoubleType, false)
            .add("train_accuracy", DataTypes.DoubleType, false)
            .add("val_accuracy", DataTypes.DoubleType, false)
            .add("elapsed_ms", DataTypes.LongType, false)
            .add("passes", DataTypes.IntegerType, false);

    private HistoryParquet() {
    }

    /** Writes every run's rows, runs in map order, steps ascending, to {@code path}. */
    public static void write(SparkSession spark, Map<String, List<StepRecord>> runs, String path) {
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, List<StepRecord>> run : runs.entrySet()) {
            for (StepRecord r : run.getValue()) {
                rows.add(RowFactory.create(run.getKey(), r.step(), r.trainLoss(), r.valLoss(), r.trainAccuracy(),
                        r.valAccuracy(), r.elapsedMs(), r.passes()));
            }
        }
        spark.createDataFrame(rows, SCHEMA).coalesce(1).write().parquet(path);
    }

    /** Reads back every run's rows, each in step order; runs in order of their names. */
    public static Map<String, List<StepRecord>> readAll(SparkSession spark, String path) {
        Dataset<Row> frame = spark.read().parquet(path).orderBy("run", "step");
        Map<String, List<StepRecord>> runs = new TreeMap<>();
        for (Row row : frame.collectAsList()) {
            runs.computeIfAbsent(row.getString(row.fieldIndex("run")), run -> new ArrayList<>()).add(record(row));
        }
        return runs;
    }

    /** Reads back one run's rows in step order. */
    public static List<StepRecord> read(SparkSession spark, String path, String run) {
        Dataset<Row> frame = spark.read().parquet(path).filter(col("run").equalTo(run)).orderBy("step");
        List<StepRecord> records = new ArrayList<>();
        for (Row row : frame.collectAsList()) {
            records.add(record(row));
        }
        return records;
    }

    /** A row; files written before the {@code passes} column existed held one-pass steps only. */
    private static StepRecord record(Row row) {
        boolean hasPasses = Arrays.asList(row.schema().fieldNames()).contains("passes");
        return new StepRecord(row.getInt(row.fieldIndex("step")),
                row.getDouble(row.fieldIndex("train_loss")), row.getDouble(row.fieldIndex("val_loss")),
                row.getDouble(row.fieldIndex("train_accuracy")), row.getDouble(row.fieldIndex("val_accuracy")),
                row.getLong(row.fieldIndex("elapsed_ms")), hasPasses ? row.getInt(row.fieldIndex("passes")) : 1);
    }
}
