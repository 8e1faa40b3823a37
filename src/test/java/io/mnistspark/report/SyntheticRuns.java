package io.mnistspark.report;

import io.mnistspark.SparkTestSession;
import io.mnistspark.data.DataLocation;
import io.mnistspark.data.DatasetInfo;
import io.mnistspark.data.DatasetReader;
import io.mnistspark.data.Part;
import io.mnistspark.data.TrainValidationSplit;
import io.mnistspark.model.ConstantInit;
import io.mnistspark.model.Initialization;
import io.mnistspark.model.NormalInit;
import io.mnistspark.optim.HyperparameterDtype;
import io.mnistspark.optim.OptimizerChoice;
import io.mnistspark.train.ConfusionMatrix;
import io.mnistspark.train.EarlyStoppingRule;
import io.mnistspark.train.JobSettings;
import io.mnistspark.train.RunOutcome;
import io.mnistspark.train.StepRecord;
import io.mnistspark.train.TrainingResult;
import io.mnistspark.train.TrainingSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntToDoubleFunction;
import org.apache.hadoop.conf.Configuration;

/**
 * Four made-up runs shaped like the notebook's suite, with losses on a binary grid (multiples of 1/4096)
 * so every threshold crossing can be worked out by hand:
 * <ul>
 *   <li>sgd-constant: train loss {@code 2.5 - t/4096}, 150 steps</li>
 *   <li>adam-constant: {@code 2.5 - t/64}, 150 steps</li>
 *   <li>sgd-normal: {@code 2.75 - t/256}, 150 steps (starts above sgd-constant, ahead from step 69)</li>
 *   <li>adam-normal-early: {@code 1.5 - t/128}, early stopping; validation loss rises at step 40</li>
 * </ul>
 * Validation loss is the train loss plus 1/64, except where early stopping needs it to rise.
 *
 * <p>Each run is tested on its fixture's own test set ({@link #FIXTURE} unless another is given): its
 * confusion matrix holds one prediction per test image, in the row of that image's true label, so the
 * matrix's total is the test count {@code summary.json} declares for the data. The test accuracies (0.24,
 * 0.5, 0.38, 0.88) are whole numbers of {@link #FIXTURE}'s 50 test images.
 */
public final class SyntheticRuns {
    public static final String FIXTURE = "/fixtures/mnist-first100.npz";

    private SyntheticRuns() {
    }

    /** The four runs of the default 784-128-10 network, tested on {@link #FIXTURE}. */
    public static List<RunOutcome> outcomes() {
        return outcomes(context(), 128);
    }

    /**
     * The four runs with {@code hidden} hidden units, tested on the test set of {@code context}'s data; each
     * run gets the whole number of test images nearest its accuracy right (all four exact on 50 images).
     */
    public static List<RunOutcome> outcomes(SummaryJson.JobContext context, int hidden) {
        DatasetInfo data = context.data();
        List<RunOutcome> runs = new ArrayList<>();
        runs.add(outcome("sgd-constant", hidden, OptimizerChoice.SGD, new ConstantInit(0.01), false,
                history(150, t -> 2.5 - t / 4096.0, 0), confusion(data, 0.24)));
        runs.add(outcome("adam-constant", hidden, OptimizerChoice.ADAM, new ConstantInit(0.01), false,
                history(150, t -> 2.5 - t / 64.0, 0), confusion(data, 0.5)));
        runs.add(outcome("sgd-normal", hidden, OptimizerChoice.SGD, new NormalInit(0.1, 0), false,
                history(150, t -> 2.75 - t / 256.0, 0), confusion(data, 0.38)));
        runs.add(outcome("adam-normal-early", hidden, OptimizerChoice.ADAM, new NormalInit(0.1, 0), true,
                history(40, t -> 1.5 - t / 128.0, 40), confusion(data, 0.88)));
        return runs;
    }

    /** Rows 1..steps; when {@code risesAt} > 0 the validation loss of that step is above the step before. */
    static List<StepRecord> history(int steps, IntToDoubleFunction train, int risesAt) {
        List<StepRecord> rows = new ArrayList<>();
        for (int t = 1; t <= steps; t++) {
            double val = t == risesAt ? train.applyAsDouble(t - 1) + 1 / 64.0 + 1 / 128.0 : train.applyAsDouble(t) + 1 / 64.0;
            rows.add(new StepRecord(t, train.applyAsDouble(t), val, 0.5 + t / 1024.0, 0.5 + t / 2048.0, 10L * t));
        }
        return rows;
    }

    private static RunOutcome outcome(String name, int hidden, OptimizerChoice optimizer, Initialization init,
            boolean early, List<StepRecord> history, ConfusionMatrix confusion) {
        TrainingSettings settings = new TrainingSettings(name, hidden, init, optimizer, 0.001, HyperparameterDtype.FLOAT32,
                early ? 10000 : history.size(), early ? Optional.of(EarlyStoppingRule.notebook()) : Optional.empty(),
                100, 2);
        int best = early ? history.size() - 1 : history.size();
        TrainingResult result = new TrainingResult(new double[1], history, early, null, best,
                history.get(best - 1).valLoss(), false);
        return new RunOutcome(settings, result, confusion, 1.5 * history.size());
    }

    /**
     * One prediction per test image of {@code data}, in the row of its true label: the first
     * {@code accuracy * n} (rounded) are classified correctly, every later one as the next class. The total
     * is the data's test count.
     */
    static ConfusionMatrix confusion(DatasetInfo data, double accuracy) {
        int[] testLabels = data.testLabels();
        long right = Math.round(accuracy * testLabels.length);
        ConfusionMatrix matrix = new ConfusionMatrix(data.classes());
        for (int i = 0; i < testLabels.length; i++) {
            int actual = testLabels[i];
            matrix.add(actual, i < right ? actual : (actual + 1) % data.classes());
        }
        return matrix;
    }

    /** Writes history.parquet (through Spark) and summary.json for {@code outcomes} into a new {@code dir}. */
    public static void writeRunDirectory(Path dir, List<RunOutcome> outcomes) throws Exception {
        writeRunDirectory(dir, context(), outcomes);
    }

    /** The same, for runs on the data of {@code context}. */
    public static void writeRunDirectory(Path dir, SummaryJson.JobContext context, List<RunOutcome> outcomes)
            throws Exception {
        Files.createDirectories(dir);
        Map<String, List<StepRecord>> histories = new LinkedHashMap<>();
        outcomes.forEach(o -> histories.put(o.settings().runName(), o.result().history()));
        HistoryParquet.write(SparkTestSession.get(), histories, dir.resolve("history.parquet").toString());
        JobSettings job = new JobSettings(context.data().location(), io.mnistspark.data.ClassCount.FROM_LABELS, 0.2, 0, 2, dir.toString(), false, 0,
                outcomes.stream().map(RunOutcome::settings).toList());
        Files.writeString(dir.resolve("summary.json"), SummaryJson.render(job, context, outcomes));
    }

    /** The job context of the 100-image fixture, as TrainingJob builds it. */
    public static SummaryJson.JobContext context() {
        return context(FIXTURE);
    }

    /** The job context of the fixture at resource path {@code fixture}, as TrainingJob builds it. */
    public static SummaryJson.JobContext context(String fixture) {
        try {
            String file = Path.of(SyntheticRuns.class.getResource(fixture).toURI()).toString();
            DatasetInfo info = DatasetReader.inspect(DataLocation.parse(file), new Configuration());
            TrainValidationSplit split = TrainValidationSplit.of(info.count(Part.TRAIN), 0.2, 0);
            return new SummaryJson.JobContext(info, split, 2, "local[2]", "4.2.0", "test", "2026-01-01T00:00:00Z");
        } catch (Exception e) {
            throw new IllegalStateException("fixture " + fixture + " could not be read", e);
        }
    }
}
