package io.mnistspark.cli;

import io.mnistspark.data.DataLocation;
import io.mnistspark.report.RunDirectory;
import io.mnistspark.train.JobSettings;
import io.mnistspark.train.TrainingSettings;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Option;

/** Where a training job writes and how often it checkpoints; shared by train and suite. */
public final class OutputOptions {
    @Option(names = "--out", paramLabel = "DIR",
            description = "Output directory (any Hadoop path); must not exist or be empty unless --overwrite. "
                    + "Default: runs/<date-time>-<name>.")
    String out;

    @Option(names = "--overwrite", description = "Replace the contents of an existing --out directory.")
    boolean overwrite;

    @Option(names = "--checkpoint-every", paramLabel = "N", defaultValue = "0",
            description = "Save the job's state into --out every N steps (parameters, optimizer moments, history, "
                    + "early-stopping state), so 'train --resume DIR' can continue it after a crash. Default: 0 (off).")
    int checkpointEvery;

    /**
     * The job for {@code runs}, after checking the settings and that the output directory can take it;
     * {@code name} names the default directory.
     */
    JobSettings job(DataOptions data, List<TrainingSettings> runs, String name) {
        if (checkpointEvery < 0) {
            throw new SettingsException("--checkpoint-every must be 0 (off) or more, got " + checkpointEvery);
        }
        String dir = out != null ? out
                : "runs/" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-" + name;
        DataLocation location = data.location();
        JobSettings job = new JobSettings(location, data.classCount(), data.valFraction, data.splitSeed,
                data.partitions, dir, overwrite, checkpointEvery, runs);
        RunDirectory.check(dir, overwrite ? RunDirectory.Mode.OVERWRITE : RunDirectory.Mode.NEW, new Configuration());
        return job;
    }
}
