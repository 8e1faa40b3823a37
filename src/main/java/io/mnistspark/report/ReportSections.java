package io.mnistspark.report;

import java.util.List;
import java.util.Optional;

/**
 * The measured sections of {@code report.md}: convergence tables, the notebook's questions (h) and (i)
 * answered from {@link ConvergenceComparison}s, early stopping (j) and the test set (k).
 */
final class ReportSections {
    private ReportSections() {
    }

    static void convergence(StringBuilder md, List<RunReport> runs) {
        md.append("## Convergence\n\n");
        md.append("Training loss / validation loss at step:\n\n| run |");
        List<Integer> checkpoints = Convergence.checkpoints(runs);
        checkpoints.forEach(step -> md.append(' ').append(step).append(" |"));
        md.append(" last step |\n|---|");
        checkpoints.forEach(step -> md.append("---|"));
        md.append("---|\n");
        for (RunReport run : runs) {
            md.append("| ").append(run.name()).append(" |");
            checkpoints.forEach(step -> md.append(' ').append(ReportMarkdown.lossesAt(run, step)).append(" |"));
            md.append(' ').append(run.steps() > 0 ? run.steps() + ": " + ReportMarkdown.lossesAt(run, run.steps()) : "-")
                    .append(" |\n");
        }
        md.append("\nFirst step with training loss below:\n\n| run |");
        Convergence.THRESHOLDS.forEach(t -> md.append(' ').append(t).append(" |"));
        md.append("\n|---|");
        Convergence.THRESHOLDS.forEach(t -> md.append("---|"));
        md.append('\n');
        for (RunReport run : runs) {
            md.append("| ").append(run.name()).append(" |");
            Convergence.THRESHOLDS.forEach(t -> md.append(' ').append(ReportMarkdown.firstBelow(run, t)).append(" |"));
            md.append('\n');
        }
        md.append('\n');
    }

    static void optimizers(StringBuilder md, Optional<ConvergenceComparison> comparison) {
        md.append("## (h) Which optimizer converges faster, SGD or Adam?\n\n");
        md.append(ReportMarkdown.answer(comparison, "Not measured: no two runs of this job differ only in the "
                + "optimizer (same start, same learning rate). `suite` runs the notebook's pair.")).append("\n\n");
        comparison.ifPresent(c -> md.append("![").append(ReportWriter.comparisonTitle(c, "optimizers")).append("](")
                .append(ReportWriter.OPTIMIZER_PLOT).append(")\n\n"));
    }

    static void initialisations(StringBuilder md, Optional<ConvergenceComparison> comparison) {
        md.append("## (i) Which weight initialisation converges faster?\n\n");
        md.append(ReportMarkdown.answer(comparison, "Not measured: no two runs of this job differ only in the "
                + "initialisation (same optimizer, same learning rate). `suite` runs the notebook's pair."))
                .append("\n\n");
        comparison.ifPresent(c -> md.append("![").append(ReportWriter.comparisonTitle(c, "initialisations"))
                .append("](").append(ReportWriter.INIT_PLOT).append(")\n\n"));
    }

    static void earlyStopping(StringBuilder md, Optional<RunReport> finalRun) {
        md.append("## (j) Early stopping\n\n");
        if (finalRun.isEmpty()) {
            md.append("No run of this job used early stopping.\n\n");
            return;
        }
        RunReport run = finalRun.get();
        md.append("Run ").append(run.name()).append(" (").append(run.optimizerLabel()).append(", init ")
                .append(run.initLabel()).append(") ");
        int last = run.steps();
        if (run.stoppedEarly()) {
            md.append("stopped after ").append(last).append(" updates: the validation loss after update ")
                    .append(last).append(" was ").append(ReportFormat.loss(run.valLoss(last)));
            if (last > 1) {
                md.append(", after update ").append(last - 1).append(' ').append(ReportFormat.loss(run.valLoss(last - 1)));
            }
            md.append(". Its best validation loss, ").append(ReportFormat.loss(run.bestValLoss())).append(", came at step ")
                    .append(run.bestStep()).append(".");
        } else if (run.diverged()) {
            md.append("diverged after ").append(last).append(" updates.");
        } else {
            md.append("ran all ").append(last).append(" steps without its validation loss rising.");
        }
        md.append(" Test accuracy: ").append(ReportFormat.accuracy(run.testAccuracy())).append(".\n\n");
        md.append("![Training and validation loss against step, run ").append(run.name())
                .append(", early stopping marked](").append(ReportWriter.lossPlot(run)).append(")\n\n");
    }

    static void testSet(StringBuilder md, RunReport last) {
        md.append("## (k) Test accuracy\n\n");
        if (last.testAccuracy() == null) {
            md.append("The last run, ").append(last.name()).append(", was not tested: ").append(last.diverged()
                    ? "it diverged" : "the data has no test rows (`--test-data` names them for LIBSVM, CSV or Parquet "
                    + "data)").append(".\n\n");
            return;
        }
        long total = 0;
        for (long[] row : last.confusion()) {
            for (long count : row) {
                total += count;
            }
        }
        md.append("The last run, ").append(last.name()).append(", whose weights are saved in `model/`, classifies ")
                .append(ReportFormat.accuracy(last.testAccuracy())).append(" of the ").append(total)
                .append(" test images correctly (`evaluate --model <this directory>/model` recomputes it).\n\n");
        md.append("![Test set confusion matrix, run ").append(last.name()).append("](")
                .append(ReportWriter.confusionPlot(last)).append(")\n\n");
    }
}
