package io.mnistspark.cli;

import io.mnistspark.job.TrainingJob;
import io.mnistspark.report.OutputClaim;
import io.mnistspark.report.RunDirectory;
import io.mnistspark.train.JobSettings;
import io.mnistspark.train.RunOutcome;
import io.mnistspark.train.TrainingSettings;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "train", sortOptions = false, usageHelpAutoWidth = true, modelTransformer = SettingOptions.class,
        description = {"Train the 784-128-10 ReLU network with exact full-batch gradients on Spark, test it, and "
                + "write history.parquet, summary.json, confusion-<run>.csv and model/ into --out.",
                "Every --print-every steps it prints the notebook's line (Step: 100 Train loss: ... Val loss: ...).", ""},
        footer = {"", "Examples:",
                "  train --optimizer sgd --init constant --steps 1000     the notebook's first experiment",
                "  train --early-stopping                                  Adam, normal init, stop when validation loss rises",
                "  train --data hdfs:///data/mnist --out hdfs:///runs/a    on a cluster"})
public final class TrainCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common = new CommonOptions();

    @Mixin
    DataOptions dataOptions = new DataOptions();

    @Mixin
    OutputOptions output = new OutputOptions();

    @Option(names = "--run-name", paramLabel = "NAME",
            description = "Name of the run in the outputs. Default: <optimizer>-<init>[-early].")
    String runName;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue the interrupted run in DIR (its --out) from its newest checkpoint, with the "
                    + "settings saved there; takes no other option but --verbose. The result is bit for bit the "
                    + "uninterrupted run's.")
    String resume;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (resume != null) {
            return resume();
        }
        dataOptions.validate();
        TrainingSettings settings = SettingOptions.settings(SettingOptions.given(spec.commandLine().getParseResult()),
                runName);
        JobSettings job = output.job(dataOptions, List.of(settings), settings.runName());
        return runJob(spec, common.verbose, job.out(), RunDirectory.Mode.of(job.overwrite()),
                trainingJob -> trainingJob.run(job));
    }

    private int resume() {
        for (OptionSpec option : spec.commandLine().getParseResult().matchedOptions()) {
            String name = option.longestName();
            if (!name.equals("--resume") && !name.equals("--verbose")) {
                throw new SettingsException("--resume continues a run with the settings saved in its checkpoint; "
                        + "drop " + name);
            }
        }
        RunDirectory.check(resume, RunDirectory.Mode.RESUME, new Configuration());
        return runJob(spec, common.verbose, resume, RunDirectory.Mode.RESUME, trainingJob -> trainingJob.resume(resume));
    }

    /**
     * Claims the output directory {@code out} before Spark starts (a second run into it is refused at once,
     * exit 4), then starts Spark, runs the job, stops Spark and gives the claim up. Exit code 1, and a line on
     * the error writer for each, if a run diverged (its outputs are written all the same). The job prints to
     * the output writer of {@code command} (picocli's, which the caller of the command line may have replaced).
     */
    static int runJob(CommandSpec command, boolean verbose, String out, RunDirectory.Mode mode,
            Function<TrainingJob, List<RunOutcome>> work) {
        try (OutputClaim claim = RunDirectory.claim(out, mode, new Configuration())) {
            return runJob(command, verbose, work);
        }
    }

    private static int runJob(CommandSpec command, boolean verbose, Function<TrainingJob, List<RunOutcome>> work) {
        SparkSession spark = SparkSessions.start(verbose);
        try {
            List<RunOutcome> outcomes = work.apply(new TrainingJob(spark, command.commandLine().getOut()));
            int code = ExitCode.OK;
            for (RunOutcome outcome : outcomes) {
                if (outcome.result().diverged()) {
                    command.commandLine().getErr().println("failed: run " + outcome.settings().runName() + ": "
                            + outcome.result().divergence().message());
                    code = ExitCode.FAILED;
                }
            }
            command.commandLine().getErr().flush();
            return code;
        } finally {
            spark.stop();
        }
    }

}
