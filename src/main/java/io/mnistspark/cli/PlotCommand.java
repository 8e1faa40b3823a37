package io.mnistspark.cli;

import io.mnistspark.report.ReportLoader;
import io.mnistspark.report.ReportWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "plot", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Redraw the plots (DIR/plots/*.png) and rewrite DIR/report.md from the history.parquet and "
                + "summary.json of a directory written by train or suite, without training.", ""},
        footer = {"", "Example:", "  plot runs/notebook"})
public final class PlotCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common = new CommonOptions();

    @Parameters(index = "0", paramLabel = "DIR", description = "A directory written by train or suite (any Hadoop path).")
    String dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Configuration conf = new Configuration();
        Path path = new Path(dir);
        FileSystem fs = path.getFileSystem(conf);
        if (!fs.exists(path) || !fs.getFileStatus(path).isDirectory()) {
            throw new SettingsException(dir + ": no such directory; expected a directory written by train or suite");
        }
        try {
            ReportLoader.checkFiles(fs, path);
        } catch (IllegalArgumentException e) {
            throw new SettingsException(dir + ": " + e.getMessage());
        }
        SparkSession spark = SparkSessions.start(common.verbose);
        try {
            ReportLoader loaded;
            try {
                loaded = ReportLoader.load(spark, fs, path);
            } catch (IllegalArgumentException e) {
                throw new SettingsException(dir + ": " + e.getMessage());
            }
            List<String> written = ReportWriter.write(fs, path, loaded.header(), loaded.runs());
            PrintWriter out = spec.commandLine().getOut();
            out.println("Plotted " + loaded.runs().size() + (loaded.runs().size() == 1 ? " run" : " runs")
                    + " from " + dir + ":");
            written.forEach(file -> out.println("  " + new Path(path, file)));
            return ExitCode.OK;
        } finally {
            spark.stop();
        }
    }
}
