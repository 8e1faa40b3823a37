package io.mnistspark.ml;

import io.mnistspark.report.HistoryParquet;
import io.mnistspark.train.StepRecord;
import io.mnistspark.train.TrainingResult;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * How a fit went: the loss and accuracy of every step, as the command line's {@code history.parquet} holds
 * them, and how it ended. Kept by the model that fit returns; a model loaded from disk has none.
 */
public final class MlpTrainingSummary implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String run;
    private final List<StepRecord> steps;
    private final boolean stoppedEarly;
    private final int bestStep;
    private final double bestValidationLoss;

    MlpTrainingSummary(String run, TrainingResult result) {
        this.run = run;
        this.steps = List.copyOf(result.history());
        this.stoppedEarly = result.stoppedEarly();
        this.bestStep = result.bestStep();
        this.bestValidationLoss = result.bestStep() == 0 ? Double.NaN : result.bestValLoss();
    }

    /**
     * One row per step, with the columns of {@code history.parquet}: {@code run}, {@code step} (from 1),
     * {@code train_loss} and {@code train_accuracy} at the weights before update {@code step},
     * {@code val_loss} and {@code val_accuracy} after it (NaN without validation rows), {@code elapsed_ms},
     * {@code passes} (distributed passes of the step: 1, or the line search's evaluations for l-bfgs).
     */
    public Dataset<Row> history() {
        List<Row> rows = new ArrayList<>(steps.size());
        for (StepRecord r : steps) {
            rows.add(RowFactory.create(run, r.step(), r.trainLoss(), r.valLoss(), r.trainAccuracy(), r.valAccuracy(),
                    r.elapsedMs(), r.passes()));
        }
        return SparkSession.active().createDataFrame(rows, HistoryParquet.SCHEMA);
    }

    /** The training loss of each step, in order (MLlib's {@code objectiveHistory}). */
    public double[] objectiveHistory() {
        return steps.stream().mapToDouble(StepRecord::trainLoss).toArray();
    }

    /** Updates applied. */
    public int steps() {
        return steps.size();
    }

    /** Whether early stopping ended the fit before {@code maxIter}. */
    public boolean stoppedEarly() {
        return stoppedEarly;
    }

    /** The step with the lowest validation loss (0 without validation rows). */
    public int bestStep() {
        return bestStep;
    }

    /** The lowest validation loss of any step (NaN without validation rows). */
    public double bestValidationLoss() {
        return bestValidationLoss;
    }
}
