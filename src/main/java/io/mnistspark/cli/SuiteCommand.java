package io.mnistspark.cli;

import io.mnistspark.job.TrainingJob;
import io.mnistspark.report.RunDirectory;
import io.mnistspark.train.JobSettings;
import io.mnistspark.train.RunOutcome;
import io.mnistspark.train.TrainingSettings;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

@Command(name = "suite", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Run the notebook's experiments one after another on one loaded dataset: sgd-constant, "
                + "adam-constant, sgd-normal (1000 steps each) and adam-normal-early (early stopping), as defined in "
                + "conf/suite.properties. Writes history.parquet (every run), summary.json (one entry per run), "
                + "confusion-<run>.csv, the last run's model/, plots/*.png and report.md into --out.",
                "The train options below (--optimizer ... --tree-depth) override the same setting of every run; "
                + "the defaults shown are train's, used only where a run's profile does not set the option.", ""},
        footer = {"", "Examples:",
                "  suite --out runs/notebook                   the four runs on the MNIST inside the jar",
                "  suite --runs sgd-constant,adam-constant --steps 100   two runs, 100 steps each"})
public final class SuiteCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common = new CommonOptions();

    @Option(names = "--runs", paramLabel = "NAME", split = ",",
            description = "The runs to train, in this order. Default: every run of the profiles, in their order.")
    List<String> runs;

    @Option(names = "--profiles", paramLabel = "FILE",
            description = "The run profiles (a file like conf/suite.properties, any Hadoop path). "
                    + "Default: the copy of conf/suite.properties inside the jar.")
    String profiles;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output directory; must not exist or be empty unless --overwrite. Default: runs/<date-time>-suite.")
    String out;

    @Option(names = "--overwrite", description = "Replace the contents of an existing --out directory.")
    boolean overwrite;

    @Option(names = "--checkpoint-every", paramLabel = "N", defaultValue = "0",
            description = "Save the suite's state into --out every N steps; 'train --resume DIR' continues it. "
                    + "Default: 0 (off).")
    int checkpointEvery;

    @Mixin
    DataOptions dataOptions = new DataOptions();

    @Mixin
    TrainOptions trainOptions = new TrainOptions();

    @Override
    public Integer call() {
        dataOptions.validate();
        SuiteProfiles suite = SuiteProfiles.load(profiles, new Configuration());
        List<String> overrides = overrides(spec.commandLine().getParseResult());
        List<TrainingSettings> settings = new ArrayList<>();
        for (String run : suite.select(runs)) {
            settings.add(suite.settings(run, overrides));
        }
        String outDir = out != null ? out : "runs/"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-suite";
        if (checkpointEvery < 0) {
            throw new SettingsException("--checkpoint-every must be 0 (off) or more, got " + checkpointEvery);
        }
        JobSettings job = new JobSettings(dataOptions.location(), dataOptions.valFraction, dataOptions.splitSeed,
                dataOptions.partitions, outDir, overwrite, checkpointEvery, settings);
        RunDirectory.check(outDir, overwrite ? RunDirectory.Mode.OVERWRITE : RunDirectory.Mode.NEW, new Configuration());
        System.out.println("Suite: " + settings.size() + " runs: " + settings.stream()
                .map(SuiteCommand::describe).collect(Collectors.joining("; ")));
        return TrainCommand.runJob(common.verbose, trainingJob -> trainingJob.run(job));
    }

    /** The train options given on this command line, as arguments to append after each profile's. */
    static List<String> overrides(ParseResult parsed) {
        Set<String> trainNames = CommandSpec.forAnnotatedObject(new TrainOptions()).options().stream()
                .map(OptionSpec::longestName).collect(Collectors.toSet());
        List<String> args = new ArrayList<>();
        for (OptionSpec option : parsed.matchedOptions()) {
            if (!trainNames.contains(option.longestName())) {
                continue;
            }
            if (option.arity().max() == 0) {
                args.add(option.longestName());
            } else {
                for (String value : option.originalStringValues()) {
                    args.add(option.longestName());
                    args.add(value);
                }
            }
        }
        return args;
    }

    private static String describe(TrainingSettings s) {
        return s.runName() + " (" + s.optimizer().label() + ", " + s.init().name() + " init, "
                + (s.earlyStopping().isPresent() ? "early stopping, at most " : "") + s.maxSteps() + " steps)";
    }
}
