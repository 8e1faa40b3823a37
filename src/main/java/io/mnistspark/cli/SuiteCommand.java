package io.mnistspark.cli;

import io.mnistspark.report.RunDirectory;
import io.mnistspark.settings.Setting;
import io.mnistspark.train.JobSettings;
import io.mnistspark.train.TrainingSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "suite", sortOptions = false, usageHelpAutoWidth = true, modelTransformer = SettingOptions.class,
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

    @Mixin
    OutputOptions output = new OutputOptions();

    @Mixin
    DataOptions dataOptions = new DataOptions();

    @Override
    public Integer call() {
        dataOptions.validate();
        SuiteProfiles suite = SuiteProfiles.load(profiles, new Configuration());
        Map<Setting<?>, String> overrides = SettingOptions.given(spec.commandLine().getParseResult());
        List<TrainingSettings> settings = new ArrayList<>();
        for (String run : suite.select(runs)) {
            settings.add(suite.settings(run, overrides));
        }
        JobSettings job = output.job(dataOptions, settings, "suite");
        spec.commandLine().getOut().println("Suite: " + settings.size() + " runs: " + settings.stream()
                .map(SuiteCommand::describe).collect(Collectors.joining("; ")));
        return TrainCommand.runJob(spec, common.verbose, job.out(), RunDirectory.Mode.of(job.overwrite()),
                trainingJob -> trainingJob.run(job));
    }

    private static String describe(TrainingSettings s) {
        return s.runName() + " (" + s.optimizer().label() + ", " + s.init().name() + " init, "
                + (s.earlyStopping().isPresent() ? "early stopping, at most " : "") + s.maxSteps() + " steps)";
    }
}
