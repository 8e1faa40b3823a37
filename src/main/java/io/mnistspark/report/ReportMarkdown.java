package io.mnistspark.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code report.md}: the runs, their convergence measured from the histories, the notebook's questions
 * (h)-(k) answered from those measurements, and the plots. Every number comes from the {@link RunReport}s
 * it is given, formatted by {@link ReportFormat}; no sentence is written in advance of its measurement.
 */
public final class ReportMarkdown {
    private ReportMarkdown() {
    }

    public static String render(ReportHeader header, List<RunReport> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one run");
        }
        StringBuilder md = new StringBuilder();
        md.append("# Training report\n\n");
        md.append(runs.size()).append(runs.size() == 1 ? " run" : " runs")
                .append(" of ").append(networks(header, runs))
                .append(", trained with exact full-batch gradients on `")
                .append(header.data()).append("` (").append(header.trainRecords()).append(" training / ")
                .append(header.validationRecords()).append(" validation / ").append(header.testRecords())
                .append(" test images) in ").append(header.partitions()).append(" partitions; Spark ")
                .append(header.sparkVersion()).append(" on `").append(header.master()).append("`, mnist-spark-mlp ")
                .append(header.appVersion()).append(", started ").append(header.startedAt()).append(".\n\n")
                .append("Every figure below is computed from `history.parquet` and `summary.json` beside this file. ")
                .append("A step is one full-batch update; the training loss of step t is measured at the weights ")
                .append("before update t, the validation loss after it (the notebook's meaning).\n\n");
        runsTable(md, runs);
        ReportSections.convergence(md, runs);
        ReportSections.optimizers(md, Convergence.optimizers(runs));
        ReportSections.initialisations(md, Convergence.initialisations(runs));
        ReportSections.earlyStopping(md, Convergence.finalEarlyStopped(runs));
        ReportSections.testSet(md, runs.get(runs.size() - 1));
        md.append("## Every run\n\n");
        for (RunReport run : runs) {
            md.append("### ").append(run.name()).append("\n\n");
            md.append("![Training and validation loss against step, run ").append(run.name()).append("](")
                    .append(ReportWriter.lossPlot(run)).append(")\n\n");
            if (run.confusion() != null) {
                md.append("![Test set confusion matrix, run ").append(run.name()).append("](")
                        .append(ReportWriter.confusionPlot(run)).append(")\n\n");
            }
        }
        return md.toString();
    }

    /**
     * The network the runs trained, {@code the 784-128-10 ReLU network}; when their hidden sizes differ, each
     * shape with the runs that trained it, so no run is described by another's shape.
     */
    static String networks(ReportHeader header, List<RunReport> runs) {
        Map<String, List<String>> runsByShape = new LinkedHashMap<>();
        for (RunReport run : runs) {
            runsByShape.computeIfAbsent(header.network(run.hidden()).toString(), shape -> new ArrayList<>())
                    .add(run.name());
        }
        if (runsByShape.size() == 1) {
            return "the " + runsByShape.keySet().iterator().next() + " ReLU network";
        }
        List<String> shapes = new ArrayList<>();
        runsByShape.forEach((shape, names) -> shapes.add(shape + " (" + String.join(", ", names) + ")"));
        return "the ReLU networks " + String.join(", ", shapes.subList(0, shapes.size() - 1)) + " and "
                + shapes.get(shapes.size() - 1);
    }

    private static void runsTable(StringBuilder md, List<RunReport> runs) {
        md.append("## Runs\n\n");
        md.append("| run | optimizer | initialisation | learning rate | L2 | steps asked | updates applied "
                + "| final train loss | final val loss | best val loss (step) | test accuracy | wall time |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (RunReport run : runs) {
            md.append("| ").append(run.name())
                    .append(" | ").append(run.optimizerLabel())
                    .append(" | ").append(run.initLabel())
                    .append(" | ").append(run.searchesLines() ? "line search" : ReportFormat.number(run.learningRate()))
                    .append(" | ").append(ReportFormat.number(run.regParam()))
                    .append(" | ").append(run.earlyStopping() ? "at most " + run.maxSteps() + ", early stopping"
                            : Integer.toString(run.maxSteps()))
                    .append(" | ").append(run.steps()).append(ending(run))
                    .append(" | ").append(run.steps() > 0 ? ReportFormat.loss(run.trainLoss(run.steps())) : "-")
                    .append(" | ").append(run.steps() > 0 ? ReportFormat.loss(run.valLoss(run.steps())) : "-")
                    .append(" | ").append(run.bestStep() > 0
                            ? ReportFormat.loss(run.bestValLoss()) + " (" + run.bestStep() + ")" : "-")
                    .append(" | ").append(ReportFormat.accuracy(run.testAccuracy()))
                    .append(" | ").append(ReportFormat.duration(run.wallSeconds()))
                    .append(" |\n");
        }
        md.append('\n');
    }

    private static String ending(RunReport run) {
        if (run.diverged()) {
            return " (diverged)";
        }
        return run.stoppedEarly() ? " (stopped early)" : "";
    }

    /** The training loss at {@code step} and the validation loss after it, or a dash past the run's end. */
    static String lossesAt(RunReport run, int step) {
        return step <= run.steps()
                ? ReportFormat.loss(run.trainLoss(step)) + " / " + ReportFormat.loss(run.valLoss(step)) : "-";
    }

    /** The first step under {@code threshold}, or how far the run went without getting there. */
    static String firstBelow(RunReport run, double threshold) {
        OptionalInt step = Convergence.firstStepBelow(run, threshold);
        return step.isPresent() ? Integer.toString(step.getAsInt()) : "not in " + run.steps();
    }

    /** The comparison's sentence, or why it could not be measured. */
    static String answer(Optional<ConvergenceComparison> comparison, String missing) {
        return comparison.map(ConvergenceComparison::sentence).orElse(missing);
    }
}
