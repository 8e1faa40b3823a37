package io.mnistspark.report;

import io.mnistspark.train.RunOutcome;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.jfree.chart.JFreeChart;

/**
 * Draws the plots ({@code plots/*.png}) and writes {@code report.md} for a run directory: after training
 * (from {@code TrainingJob}, into the staging directory) and again from the saved history ({@code plot}).
 *
 * <p>Files: {@code plots/loss-<run>.png} for each run, {@code plots/confusion-<run>.png} for each tested
 * run, {@code plots/compare-optimizers.png} and {@code plots/compare-initialisations.png} when the job has
 * runs that answer the notebook's (h) and (i), and {@code report.md}.
 */
public final class ReportWriter {
    public static final String PLOTS = "plots";
    public static final String REPORT = "report.md";
    static final String OPTIMIZER_PLOT = PLOTS + "/compare-optimizers.png";
    static final String INIT_PLOT = PLOTS + "/compare-initialisations.png";

    static {
        Charts.headless();
    }

    private ReportWriter() {
    }

    /** After training: the plots and report of the runs just trained, into the staging directory. */
    public static void write(RunDirectory dir, SummaryJson.JobContext context, List<RunOutcome> outcomes) {
        List<RunReport> runs = outcomes.stream().map(RunReport::of).toList();
        try {
            write(dir.fileSystem(), dir.staging(), ReportHeader.of(context), runs);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the plots and report under " + dir.staging(), e);
        }
    }

    /**
     * Writes every plot and {@code report.md} under {@code dir}, replacing earlier ones.
     *
     * @return the files written, relative to {@code dir}
     */
    public static List<String> write(FileSystem fs, Path dir, ReportHeader header, List<RunReport> runs)
            throws IOException {
        List<String> written = new ArrayList<>();
        fs.mkdirs(new Path(dir, PLOTS));
        for (RunReport run : runs) {
            png(LossCharts.run(run), fs, dir, lossPlot(run), written);
            if (run.confusion() != null) {
                png(ConfusionHeatMap.chart(run.name(), run.testAccuracy(), run.confusion()), fs, dir,
                        confusionPlot(run), written);
            }
        }
        Convergence.optimizers(runs).ifPresent(c -> png(comparisonChart(c, "optimizers"), fs, dir, OPTIMIZER_PLOT,
                written));
        Convergence.initialisations(runs).ifPresent(c -> png(comparisonChart(c, "initialisations"), fs, dir,
                INIT_PLOT, written));
        try (OutputStream out = fs.create(new Path(dir, REPORT), true)) {
            out.write(ReportMarkdown.render(header, runs).getBytes(StandardCharsets.UTF_8));
        }
        written.add(REPORT);
        return written;
    }

    /** Where a run's loss plot goes, relative to the run directory. */
    public static String lossPlot(RunReport run) {
        return PLOTS + "/loss-" + fileName(run.name()) + ".png";
    }

    /** Where a run's confusion heat map goes, relative to the run directory. */
    public static String confusionPlot(RunReport run) {
        return PLOTS + "/confusion-" + fileName(run.name()) + ".png";
    }

    /** A comparison plot's title: what differs, and what the runs share. */
    static String comparisonTitle(ConvergenceComparison c, String what) {
        RunReport a = c.faster();
        String shared = what.equals("optimizers") ? "both from init " + a.initLabel() : "both " + a.optimizerLabel();
        return ReportFormat.capitalized(c.slowerLabel()) + " vs " + c.fasterLabel() + ", " + shared + " (learning rate "
                + ReportFormat.number(a.learningRate()) + ")";
    }

    private static JFreeChart comparisonChart(ConvergenceComparison c, String what) {
        return LossCharts.comparison(comparisonTitle(c, what), List.of(c.slower(), c.faster()),
                List.of(c.slowerLabel(), c.fasterLabel()));
    }

    private static void png(JFreeChart chart, FileSystem fs, Path dir, String relative, List<String> written) {
        try {
            Charts.writePng(chart, fs, new Path(dir, relative));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + relative + " under " + dir, e);
        }
        written.add(relative);
    }

    /** A run name as a file name: letters, digits, dot, dash and underscore kept, anything else an underscore. */
    static String fileName(String runName) {
        return runName.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
