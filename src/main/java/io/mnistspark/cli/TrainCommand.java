package io.mnistspark.cli;

import io.mnistspark.job.TrainingJob;
import io.mnistspark.report.RunDirectory;
import io.mnistspark.train.JobSettings;
import io.mnistspark.train.RunOutcome;
import io.mnistspark.train.TrainingSettings;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "train", sortOptions = false, usageHelpAutoWidth = true,
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
    TrainOptions trainOptions = new TrainOptions();

    @Option(names = "--run-name", paramLabel = "NAME",
            description = "Name of the run in the outputs. Default: <optimizer>-<init>[-early].")
    String runName;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output directory (any Hadoop path); must not exist or be empty unless --overwrite. "
                    + "Default: runs/<date-time>-<run name>.")
    String out;

    @Option(names = "--overwrite", description = "Replace the contents of an existing --out directory.")
    boolean overwrite;

    @Override
    public Integer call() {
        dataOptions.validate();
        TrainingSettings settings = trainOptions.toSettings(runName);
        String outDir = out != null ? out : defaultOut(settings.runName());
        JobSettings job = new JobSettings(dataOptions.location(), dataOptions.valFraction, dataOptions.splitSeed,
                dataOptions.partitions, outDir, overwrite, List.of(settings));
        RunDirectory.checkWritable(outDir, overwrite, new Configuration());
        SparkSession spark = SparkSessions.start(common.verbose);
        try {
            List<RunOutcome> outcomes = new TrainingJob(spark, System.out).run(job);
            return outcomes.stream().anyMatch(o -> o.result().diverged()) ? ExitCode.FAILED : ExitCode.OK;
        } finally {
            spark.stop();
        }
    }

    static String defaultOut(String runName) {
        return "runs/" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-" + runName;
    }
}
