package io.mnistspark.cli;

import io.mnistspark.bench.Bench;
import io.mnistspark.bench.BenchJson;
import io.mnistspark.bench.BenchReport;
import io.mnistspark.bench.BenchResult;
import io.mnistspark.bench.BenchSettings;
import io.mnistspark.bench.DenseReference;
import io.mnistspark.bench.Progress;
import io.mnistspark.bench.TimeToAccuracy;
import io.mnistspark.bench.TimeToAccuracyReport;
import io.mnistspark.report.OutputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Measure, in one run on the same data and partitions: full steps of the job's own step loop "
                + "on Spark, Spark's floor (the step's broadcast and job with tasks that skip the arithmetic), "
                + "the kernel alone (1 thread and one thread per shard), the same step as dense float64 "
                + "dgemm products (dev.ludovic.netlib, as numpy computes it) and one iteration of Spark MLlib's "
                + "MultilayerPerceptronClassifier (solver gd). Prints median and min-max seconds, ratios, and the "
                + "memory of the persisted blocks, load time and the driver's peak memory; progress goes to stderr.",
                "Spark's floor and the driver-side passes run between rounds of the job's steps, one of each per round, so every "
                + "ratio compares runs taken seconds apart under the same machine load; the step right after "
                + "them is not timed.", ""},
        footer = {"", "Examples:",
                "  SPARK_MASTER='local[2]' submit/local bench          the README's performance figures",
                "  bench --skip-mllib --steps 50 --json bench.json      more steps, figures also as JSON",
                "  bench --time-to-accuracy --json tta.json             seconds to test accuracy 0.97: adam, lbfgs, "
                        + "mllib_lbfgs, mllib_gd"})
public final class BenchCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common = new CommonOptions();

    @Mixin
    DataOptions dataOptions = new DataOptions();

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "5",
            description = "Unrecorded rounds (job steps + driver-side passes) first, and one unrecorded MLlib fit. "
                    + "Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "20",
            description = "Measured rounds: --round-steps job steps, then one pass of Spark's floor, and one "
                    + "kernel pass and one dense pass on one thread per shard and on one thread. Default: ${DEFAULT-VALUE}.")
    int steps;

    @Option(names = "--round-steps", paramLabel = "N", defaultValue = "4",
            description = "Consecutive job steps per round, at least 2. The first step of a round, which follows "
                    + "the driver-side passes, is not timed. Default: ${DEFAULT-VALUE}.")
    int roundSteps;

    @Option(names = "--skip-dense", description = "Do not time the dense dgemm reference.")
    boolean skipDense;

    @Option(names = "--dense-chunk-rows", paramLabel = "N", defaultValue = "" + DenseReference.DEFAULT_CHUNK_ROWS,
            description = "Rows per matrix product in the dense reference. Default: ${DEFAULT-VALUE}.")
    int denseChunkRows;

    @Option(names = "--skip-mllib", description = "Do not time Spark MLlib's MultilayerPerceptronClassifier.")
    boolean skipMllib;

    @Option(names = "--mllib-block-size", paramLabel = "N", defaultValue = "128",
            description = "Rows MLlib stacks into one matrix (setBlockSize; MLlib's default). Default: ${DEFAULT-VALUE}.")
    int mllibBlockSize;

    @Option(names = "--mllib-repeats", paramLabel = "N", defaultValue = "2",
            description = "Timed MLlib fits of 1 and of 2 iterations, each. Default: ${DEFAULT-VALUE}.")
    int mllibRepeats;

    @Option(names = "--mllib-iterations", paramLabel = "N", defaultValue = "7",
            description = "Iterations of one more MLlib fit, timed from each iteration's Spark job to the next "
                    + "(the first interval dropped as warm-up). Default: ${DEFAULT-VALUE}.")
    int mllibIterations;

    @Option(names = "--tree-depth", paramLabel = "N", defaultValue = "2",
            description = "Depth of treeAggregate in the step loop, as in train. Default: ${DEFAULT-VALUE}.")
    int treeDepth;

    @Option(names = "--time-to-accuracy", paramLabel = "A", arity = "0..1", fallbackValue = "0.97",
            description = "Instead of the step timings: time each contender (adam and lbfgs in the job's step loop, "
                    + "MLlib's MultilayerPerceptronClassifier with solvers l-bfgs and gd) from its first step until "
                    + "its test accuracy first reaches A (0.97 when A is left out); null when not within its budget.")
    Double timeToAccuracy;

    @Option(names = "--tta-check-every", paramLabel = "N", defaultValue = "10",
            description = "With --time-to-accuracy: steps between test checks of adam and lbfgs (the checks' time "
                    + "not counted). Default: ${DEFAULT-VALUE}.")
    int ttaCheckEvery;

    @Option(names = "--tta-max-steps", paramLabel = "N", defaultValue = "3000",
            description = "With --time-to-accuracy: the step budget of adam and lbfgs. Default: ${DEFAULT-VALUE}.")
    int ttaMaxSteps;

    @Option(names = "--tta-mllib-max-iter", paramLabel = "N", defaultValue = "200",
            description = "With --time-to-accuracy: MLlib's iteration budget (one fit of it; if it reaches A, shorter "
                    + "fits find the first count that does). Default: ${DEFAULT-VALUE}.")
    int ttaMllibMaxIter;

    @Option(names = "--tta-mllib-resolution", paramLabel = "N", defaultValue = "20",
            description = "With --time-to-accuracy: MLlib's iteration counts are searched at multiples of N. "
                    + "Default: ${DEFAULT-VALUE}.")
    int ttaMllibResolution;

    @Option(names = "--json", paramLabel = "FILE",
            description = "Also write the figures to FILE (a local path) as JSON.")
    Path json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        dataOptions.validate();
        BenchSettings settings = settings();
        checkJsonTarget();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (timeToAccuracy != null) {
            return raceToAccuracy(settings, out, err);
        }
        SparkSession spark = SparkSessions.start(common.verbose);
        BenchResult result;
        try {
            result = new Bench(spark, new Progress(err)).run(dataOptions.location(), dataOptions.classCount(),
                    dataOptions.valFraction, dataOptions.splitSeed, dataOptions.partitions, settings);
        } finally {
            spark.stop();
        }
        BenchReport.print(result, out);
        out.flush();
        if (json != null) {
            Files.writeString(json, BenchJson.render(result), StandardCharsets.UTF_8);
            err.println("[bench] figures written to " + json);
        }
        return ExitCode.OK;
    }

    private int raceToAccuracy(BenchSettings bench, PrintWriter out, PrintWriter err) throws IOException {
        TimeToAccuracy.Settings race;
        try {
            race = new TimeToAccuracy.Settings(timeToAccuracy, ttaCheckEvery, ttaMaxSteps, ttaMllibMaxIter,
                    ttaMllibResolution, mllibBlockSize, !skipMllib);
        } catch (IllegalArgumentException e) {
            throw new SettingsException(e.getMessage());
        }
        SparkSession spark = SparkSessions.start(common.verbose);
        TimeToAccuracy.Result result;
        try {
            result = new TimeToAccuracy(spark, new Progress(err)).run(dataOptions.location(), dataOptions.valFraction,
                    dataOptions.splitSeed, dataOptions.partitions, bench, race);
        } finally {
            spark.stop();
        }
        TimeToAccuracyReport.print(result, out);
        out.flush();
        if (json != null) {
            Files.writeString(json, TimeToAccuracyReport.json(result), StandardCharsets.UTF_8);
            err.println("[bench] figures written to " + json);
        }
        return ExitCode.OK;
    }

    private BenchSettings settings() {
        if (warmup < 0) {
            throw new SettingsException("--warmup must be at least 0, got " + warmup);
        }
        if (steps < 1) {
            throw new SettingsException("--steps must be at least 1, got " + steps);
        }
        if (roundSteps < 2) {
            throw new SettingsException("--round-steps must be at least 2 (the first step of a round is not timed), got "
                    + roundSteps);
        }
        if (denseChunkRows < 1) {
            throw new SettingsException("--dense-chunk-rows must be at least 1, got " + denseChunkRows);
        }
        if (mllibBlockSize < 1) {
            throw new SettingsException("--mllib-block-size must be at least 1, got " + mllibBlockSize);
        }
        if (mllibRepeats < 1) {
            throw new SettingsException("--mllib-repeats must be at least 1, got " + mllibRepeats);
        }
        if (mllibIterations < 3) {
            throw new SettingsException("--mllib-iterations must be at least 3, got " + mllibIterations);
        }
        if (treeDepth < 1) {
            throw new SettingsException("--tree-depth must be at least 1, got " + treeDepth);
        }
        return new BenchSettings(warmup, steps, roundSteps, treeDepth, !skipDense, denseChunkRows, !skipMllib, mllibBlockSize,
                mllibRepeats, mllibIterations);
    }

    /** Fails before Spark starts if the JSON file could not be written. */
    private void checkJsonTarget() {
        if (json == null) {
            return;
        }
        Path parent = json.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent)) {
            throw new OutputException("cannot write --json " + json + ": " + parent + " is not a writable directory");
        }
        if (Files.isDirectory(json)) {
            throw new OutputException("cannot write --json " + json + ": it is a directory");
        }
    }
}
