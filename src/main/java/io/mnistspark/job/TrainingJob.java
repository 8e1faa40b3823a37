package io.mnistspark.job;

import io.mnistspark.data.DatasetInfo;
import io.mnistspark.data.DatasetReader;
import io.mnistspark.data.Part;
import io.mnistspark.data.ShardedDataset;
import io.mnistspark.data.TrainValidationSplit;
import io.mnistspark.model.ModelFiles;
import io.mnistspark.model.BlockKernel;
import io.mnistspark.model.NetworkShape;
import io.mnistspark.numpy.PythonRepr;
import io.mnistspark.report.HistoryParquet;
import io.mnistspark.report.ReportWriter;
import io.mnistspark.report.RunDirectory;
import io.mnistspark.report.SummaryJson;
import io.mnistspark.train.Checkpointer;
import io.mnistspark.train.ConfusionMatrix;
import io.mnistspark.train.FullBatchPass;
import io.mnistspark.train.JobSettings;
import io.mnistspark.train.ProgressPrinter;
import io.mnistspark.train.RunOutcome;
import io.mnistspark.train.RunState;
import io.mnistspark.train.StepRecord;
import io.mnistspark.train.TestEvaluation;
import io.mnistspark.train.Trainer;
import io.mnistspark.train.TrainingResult;
import io.mnistspark.train.TrainingSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * A whole job from data to outputs: read and check the data, split it, load the partitioned blocks, train
 * each run, test it, and write {@code history.parquet}, {@code summary.json}, confusion matrices and the last
 * run's model into the output directory, which appears only once everything is written.
 */
public final class TrainingJob {
    private final SparkSession spark;
    private final PrintWriter out;

    public TrainingJob(SparkSession spark, PrintWriter out) {
        this.spark = spark;
        this.out = out;
    }

    /** Runs the job; outputs land in {@code job.out()} only if every run finished (diverged runs included). */
    public List<RunOutcome> run(JobSettings job) {
        RunDirectory.Mode mode = job.overwrite() ? RunDirectory.Mode.OVERWRITE : RunDirectory.Mode.NEW;
        RunDirectory.check(job.out(), mode, hadoopConf());
        return execute(job, mode, StartingPoint.newJob());
    }

    /** Continues the interrupted job in {@code out} from its newest checkpoint, with the settings saved there. */
    public List<RunOutcome> resume(String out) {
        RunDirectory.check(out, RunDirectory.Mode.RESUME, hadoopConf());
        StartingPoint start = StartingPoint.latestCheckpointIn(out, hadoopConf());
        this.out.printf("Resuming from %s%n", start.describe());
        return execute(start.savedJob(), RunDirectory.Mode.RESUME, start);
    }

    private List<RunOutcome> execute(JobSettings requested, RunDirectory.Mode mode, StartingPoint start) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        String startedAt = Instant.now().toString();
        long t0 = System.nanoTime();
        DatasetInfo info = DatasetReader.inspect(spark, requested.data(), requested.classes());
        TrainValidationSplit split = TrainValidationSplit.of(info, requested.valFraction(),
                requested.splitSeed());
        int partitions = requested.partitions() > 0 ? requested.partitions() : sc.defaultParallelism();
        JobSettings job = requested.withPartitions(partitions);
        ShardedDataset dataset = ShardedDataset.load(spark, info, split, partitions);
        out.printf("Data: %s, %d train / %d validation / %d test images of %dx%d, %d classes; "
                + "%d partitions, loaded in %.1f s%n", info.location().describe(), split.trainCount(),
                split.validationCount(), info.count(Part.TEST), info.shape().rows(), info.shape().cols(),
                info.classes(), partitions, (System.nanoTime() - t0) / 1e9);

        RunDirectory dir = RunDirectory.open(job.out(), mode, sc.hadoopConfiguration());
        CheckpointStore checkpoints = new CheckpointStore(dir.fileSystem(), dir.target());
        try {
            List<RunOutcome> outcomes = new ArrayList<>(start.finishedRuns());
            NetworkShape shape = null;
            for (int i = outcomes.size(); i < job.runs().size(); i++) {
                TrainingSettings settings = job.runs().get(i);
                shape = new NetworkShape(info.shape().pixels(), settings.hidden(), info.classes());
                RunState state = start.stateOf(i, settings, shape);
                String prefix = job.runs().size() > 1
                        ? "[run " + (i + 1) + "/" + job.runs().size() + " " + settings.runName() + "] " : "";
                Checkpointer checkpointer = PeriodicCheckpointer.forRun(job, checkpoints, outcomes, i, shape);
                outcomes.add(trainOne(sc, dataset, info.count(Part.TEST), shape, settings, state, checkpointer, prefix));
            }
            // the loop always trains the job's last run (a checkpoint is of an unfinished one): shape is its network
            RunOutcome last = outcomes.get(outcomes.size() - 1);
            writeOutputs(dir, job, new SummaryJson.JobContext(info, split, partitions, sc.master(), spark.version(),
                    version(), startedAt), outcomes, shape, last.result().params());
            dir.commit(CheckpointStore.PREFIX);
            out.println("Outputs: " + dir.target());
            return outcomes;
        } catch (RuntimeException e) {
            dir.abort();
            throw e;
        } finally {
            dataset.release();
        }
    }

    private Configuration hadoopConf() {
        return spark.sparkContext().hadoopConfiguration();
    }

    /** Trains one run and tests it on the {@code testRecords} test rows, unless it diverged or there are none. */
    private RunOutcome trainOne(JavaSparkContext sc, ShardedDataset dataset, int testRecords, NetworkShape shape,
            TrainingSettings settings, RunState state, Checkpointer checkpointer, String prefix) {
        double regParam = settings.penalty().regParam();
        String optimizer = (settings.optimizer().searchesLines()
                ? settings.optimizer().label() + " memory " + settings.lbfgsMemory() + " (line search, no learning rate)"
                : settings.optimizer().label() + " lr " + settings.learningRate() + " ("
                        + settings.hyperparameterDtype().label() + ")")
                + (regParam > 0.0 ? ", L2 penalty " + PythonRepr.format(regParam) : "");
        out.printf("%sTraining %s: network %s, %s init, %s, %s%s; kernel %s%n", prefix, settings.runName(),
                shape, settings.init().name(), optimizer,
                settings.earlyStopping().isPresent() ? "early stopping, at most " + settings.maxSteps() + " steps"
                        : settings.maxSteps() + " steps",
                state.stepsDone() > 0 ? ", continuing after step " + state.stepsDone() : "",
                BlockKernel.implementation());
        long start = System.nanoTime();
        FullBatchPass pass = new FullBatchPass(sc, dataset.training(), shape, settings.treeDepth());
        Trainer trainer = new Trainer(pass, shape, settings);
        TrainingResult result = trainer.train(state, new ProgressPrinter(out, settings.printEvery(),
                settings.earlyStopping().isPresent(), prefix), checkpointer);
        double wall = (System.nanoTime() - start) / 1e9;
        if (result.diverged()) {
            out.printf("%sRun %s diverged at step %d: no test evaluation; its history is kept%n", prefix,
                    settings.runName(), result.divergedAt());
            return new RunOutcome(settings, result, null, wall);
        }
        if (testRecords == 0) {
            out.printf("%sRun %s not tested: the data has no test rows (give --test-data with LIBSVM, CSV or "
                    + "Parquet data)%n", prefix, settings.runName());
            return new RunOutcome(settings, result, null, wall);
        }
        ConfusionMatrix confusion = TestEvaluation.run(sc, dataset.test(), shape, result.params());
        wall = (System.nanoTime() - start) / 1e9;
        out.printf("%sTest accuracy: %s after %d updates%s (%.1f s)%n", prefix, confusion.accuracy(), result.steps(),
                result.restoredBest() ? ", best step " + result.bestStep() + " restored" : "", wall);
        out.print(confusion.format());
        return new RunOutcome(settings, result, confusion, wall);
    }

    private void writeOutputs(RunDirectory dir, JobSettings job, SummaryJson.JobContext context,
            List<RunOutcome> outcomes, NetworkShape shape, double[] params) {
        Map<String, List<StepRecord>> histories = new LinkedHashMap<>();
        for (RunOutcome outcome : outcomes) {
            histories.put(outcome.settings().runName(), outcome.result().history());
            if (outcome.confusion() != null) {
                dir.writeText("confusion-" + outcome.settings().runName() + ".csv", csv(outcome.confusion()));
            }
        }
        HistoryParquet.write(spark, histories, dir.resolve("history.parquet"));
        RunOutcome last = outcomes.get(outcomes.size() - 1);
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("run", last.settings().runName());
        provenance.put("steps", last.result().steps());
        provenance.put("test_accuracy", last.confusion() == null ? null : last.testAccuracy());
        provenance.put("data", context.data().location().describe());
        provenance.put("created_at", Instant.now().toString());
        try {
            ModelFiles.save(dir.fileSystem(), new Path(dir.staging(), "model"), shape, params, provenance);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the model under " + dir.staging(), e);
        }
        ReportWriter.write(dir, context, outcomes);
        // summary.json last: a directory with it is complete (and the rename makes the whole set appear at once).
        dir.writeText("summary.json", SummaryJson.render(job, context, outcomes));
    }

    private static String csv(ConfusionMatrix matrix) {
        StringBuilder csv = new StringBuilder("true\\predicted");
        for (int p = 0; p < matrix.classes(); p++) {
            csv.append(',').append(p);
        }
        csv.append('\n');
        for (int a = 0; a < matrix.classes(); a++) {
            csv.append(a);
            for (int p = 0; p < matrix.classes(); p++) {
                csv.append(',').append(matrix.count(a, p));
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    static String version() {
        String version = TrainingJob.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
