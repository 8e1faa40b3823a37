package io.mnistspark.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * Convergence measured on the histories, never assumed: training losses at fixed steps, the first step
 * below a loss threshold, and which pairs of runs answer the notebook's questions. The pairs are found
 * from the runs' settings, not their names, so a renamed or reduced suite is still compared correctly.
 */
public final class Convergence {
    /** Training-loss levels whose first crossing the report tabulates. */
    public static final List<Double> THRESHOLDS = List.of(2.2, 2.0, 1.5, 1.0, 0.5, 0.2);

    private Convergence() {
    }

    /** Steps 1, 10, 100, 1000, ... up to the longest run: where the report tabulates the losses. */
    public static List<Integer> checkpoints(List<RunReport> runs) {
        int longest = runs.stream().mapToInt(RunReport::steps).max().orElse(0);
        List<Integer> steps = new ArrayList<>();
        for (long step = 1; step <= longest; step *= 10) {
            steps.add((int) step);
        }
        return steps;
    }

    /** The first step whose training loss is below {@code threshold}, if the run gets there. */
    public static OptionalInt firstStepBelow(RunReport run, double threshold) {
        for (int step = 1; step <= run.steps(); step++) {
            if (run.trainLoss(step) < threshold) {
                return OptionalInt.of(step);
            }
        }
        return OptionalInt.empty();
    }

    /**
     * Notebook (h): two runs from the same start with the same learning rate and different optimizers,
     * preferring runs without early stopping and the notebook's constant start.
     */
    public static Optional<ConvergenceComparison> optimizers(List<RunReport> runs) {
        return bestPair(runs, (a, b) -> a.sameInit(b) && !a.optimizer().equals(b.optimizer()),
                r -> r.init().equals("constant"), (r, other) -> r.optimizerLabel());
    }

    /**
     * Notebook (i): two runs with the same optimizer and learning rate from different starts, preferring
     * runs without early stopping and the notebook's SGD.
     */
    public static Optional<ConvergenceComparison> initialisations(List<RunReport> runs) {
        return bestPair(runs, (a, b) -> !a.sameInit(b) && a.optimizer().equals(b.optimizer()),
                r -> r.optimizer().equalsIgnoreCase("sgd"),
                (r, other) -> r.init().equals(other.init()) ? r.initLabel() : r.init() + " initialisation");
    }

    /** The run (j) is about: the last one with early stopping, if any. */
    public static Optional<RunReport> finalEarlyStopped(List<RunReport> runs) {
        for (int i = runs.size() - 1; i >= 0; i--) {
            if (runs.get(i).earlyStopping()) {
                return Optional.of(runs.get(i));
            }
        }
        return Optional.empty();
    }

    private static Optional<ConvergenceComparison> bestPair(List<RunReport> runs, BiPredicate<RunReport, RunReport> differ,
            Predicate<RunReport> notebookSetting, BiFunction<RunReport, RunReport, String> label) {
        RunReport bestA = null;
        RunReport bestB = null;
        int bestScore = -1;
        for (int i = 0; i < runs.size(); i++) {
            for (int j = i + 1; j < runs.size(); j++) {
                RunReport a = runs.get(i);
                RunReport b = runs.get(j);
                if (a.learningRate() != b.learningRate() || a.regParam() != b.regParam() || !differ.test(a, b)
                        || Math.min(a.steps(), b.steps()) < 1) {
                    continue;
                }
                int score = (!a.earlyStopping() && !b.earlyStopping() ? 2 : 0)
                        + (notebookSetting.test(a) && notebookSetting.test(b) ? 1 : 0);
                if (score > bestScore) {
                    bestScore = score;
                    bestA = a;
                    bestB = b;
                }
            }
        }
        return bestA == null ? Optional.empty()
                : Optional.of(ConvergenceComparison.of(bestA, bestB, label.apply(bestA, bestB), label.apply(bestB, bestA)));
    }
}
