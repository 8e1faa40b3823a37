package io.mnistspark.report;

import java.util.Locale;

/**
 * Which of two runs converges faster, judged on the training loss over the steps both ran (the
 * notebook compares the curves over its 1000 steps). The verdict is the lower training loss at the last
 * common step; two more measurements say by how much: the step at which the faster run first gets below
 * the slower run's loss at that last step, and the step from which the faster run stays ahead (curves
 * can cross: a normal start begins above the constant one and then falls much faster).
 *
 * @param horizon the last step both runs have
 * @param tie both losses at {@code horizon} are equal; {@code faster} is then simply the first run
 * @param matchStep the first step at which {@code faster}'s training loss is at or below {@code slower}'s at {@code horizon}
 * @param aheadFrom the step from which {@code faster}'s training loss is below {@code slower}'s up to {@code horizon}
 * @param behindAt the last step at which {@code faster}'s training loss was strictly above {@code slower}'s, or 0
 *     (runs from the same start have equal losses at step 1, which is level, not behind)
 */
public record ConvergenceComparison(RunReport faster, RunReport slower, String fasterLabel, String slowerLabel,
        int horizon, boolean tie, int matchStep, int aheadFrom, int behindAt) {

    /** Compares {@code a} and {@code b}, labelled for the sentence by what distinguishes them. */
    public static ConvergenceComparison of(RunReport a, RunReport b, String labelA, String labelB) {
        int horizon = Math.min(a.steps(), b.steps());
        if (horizon < 1) {
            throw new IllegalArgumentException("runs " + a.name() + " and " + b.name() + " share no step to compare");
        }
        boolean tie = a.trainLoss(horizon) == b.trainLoss(horizon);
        boolean aFaster = tie || a.trainLoss(horizon) < b.trainLoss(horizon);
        RunReport faster = aFaster ? a : b;
        RunReport slower = aFaster ? b : a;
        double target = slower.trainLoss(horizon);
        int match = horizon;
        for (int step = 1; step <= horizon; step++) {
            if (faster.trainLoss(step) <= target) {
                match = step;
                break;
            }
        }
        int aheadFrom = 1;
        for (int step = horizon; step >= 1; step--) {
            if (faster.trainLoss(step) >= slower.trainLoss(step)) {
                aheadFrom = step + 1;
                break;
            }
        }
        int behindAt = 0;
        for (int step = aheadFrom - 1; step >= 1; step--) {
            if (faster.trainLoss(step) > slower.trainLoss(step)) {
                behindAt = step;
                break;
            }
        }
        return new ConvergenceComparison(faster, slower, aFaster ? labelA : labelB, aFaster ? labelB : labelA,
                horizon, tie, match, aheadFrom, behindAt);
    }

    /** The faster run's training loss at the horizon. */
    public double fasterLoss() {
        return faster.trainLoss(horizon);
    }

    /** The slower run's training loss at the horizon. */
    public double slowerLoss() {
        return slower.trainLoss(horizon);
    }

    /** The answer as one or two Markdown sentences, every number taken from the histories. */
    public String sentence() {
        if (tie) {
            return String.format(Locale.ROOT, "**Neither converges faster.** After %d steps %s (%s) and %s (%s) both have "
                    + "training loss %s.", horizon, fasterLabel, faster.name(), slowerLabel, slower.name(),
                    ReportFormat.loss(fasterLoss()));
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "**%s converges faster than %s.** After %d steps the training loss is %s with %s (run %s) against "
                        + "%s with %s (run %s); %s first gets below %s's step-%d loss at step %d",
                ReportFormat.capitalized(fasterLabel), slowerLabel, horizon, ReportFormat.loss(fasterLoss()), fasterLabel, faster.name(),
                ReportFormat.loss(slowerLoss()), slowerLabel, slower.name(), fasterLabel, slowerLabel, horizon,
                matchStep));
        if (matchStep < horizon) {
            text.append(String.format(Locale.ROOT, ", %s times fewer steps", ReportFormat.ratio((double) horizon / matchStep)));
        }
        text.append('.');
        if (behindAt > 0) {
            text.append(String.format(Locale.ROOT, " %s is ahead at first (at step %d: %s against %s), but from step %d "
                    + "on %s's training loss stays lower.", ReportFormat.capitalized(slowerLabel), behindAt,
                    ReportFormat.loss(slower.trainLoss(behindAt)), ReportFormat.loss(faster.trainLoss(behindAt)),
                    aheadFrom, fasterLabel));
        } else if (aheadFrom > 1) {
            text.append(String.format(Locale.ROOT, " Both have training loss %s at step %d; from step %d on %s's is lower.",
                    ReportFormat.loss(faster.trainLoss(aheadFrom - 1)), aheadFrom - 1, aheadFrom, fasterLabel));
        }
        return text.toString();
    }
}
