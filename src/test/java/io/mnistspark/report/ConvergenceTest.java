package io.mnistspark.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Measurements and answers on the synthetic runs, against crossings worked out by hand from their formulas. */
class ConvergenceTest {
    private final List<RunReport> runs = SyntheticRuns.outcomes().stream().map(RunReport::of).toList();

    private RunReport run(String name) {
        return runs.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void firstStepBelowAThresholdIsStrictlyBelow() {
        // 2.5 - t/64 equals 2.0 at t = 32 exactly, so the first step below is 33
        assertEquals(OptionalInt.of(33), Convergence.firstStepBelow(run("adam-constant"), 2.0));
        assertEquals(OptionalInt.of(20), Convergence.firstStepBelow(run("adam-constant"), 2.2));
        assertEquals(OptionalInt.of(148), Convergence.firstStepBelow(run("adam-constant"), 0.2));
        // 2.75 - t/256 < 2.2 from t = 141; 2.0 needs t > 192, past the run's 150 steps
        assertEquals(OptionalInt.of(141), Convergence.firstStepBelow(run("sgd-normal"), 2.2));
        assertEquals(OptionalInt.empty(), Convergence.firstStepBelow(run("sgd-normal"), 2.0));
        assertEquals(OptionalInt.empty(), Convergence.firstStepBelow(run("sgd-constant"), 2.2));
    }

    @Test
    void checkpointsArePowersOfTenUpToTheLongestRun() {
        assertEquals(List.of(1, 10, 100), Convergence.checkpoints(runs));
        assertEquals(List.of(1, 10), Convergence.checkpoints(List.of(run("adam-normal-early"))));
    }

    @Test
    void optimizerQuestionComparesTheConstantStartPairAndFindsAdam() {
        ConvergenceComparison c = Convergence.optimizers(runs).orElseThrow();
        assertEquals("adam-constant", c.faster().name());
        assertEquals("sgd-constant", c.slower().name());
        assertFalse(c.tie());
        assertEquals(150, c.horizon());
        assertEquals(2.5 - 150 / 64.0, c.fasterLoss(), 0.0);
        assertEquals(2.5 - 150 / 4096.0, c.slowerLoss(), 0.0);
        // 2.5 - t/64 <= 2.46337890625 (SGD's step-150 loss) from t = 2.34375, so step 3
        assertEquals(3, c.matchStep());
        assertEquals(1, c.aheadFrom());
        assertEquals(0, c.behindAt());
        String sentence = c.sentence();
        assertTrue(sentence.startsWith("**Adam converges faster than SGD.**"), sentence);
        assertTrue(sentence.contains("After 150 steps the training loss is 0.156250 with Adam (run adam-constant) "
                + "against 2.463379 with SGD (run sgd-constant)"), sentence);
        assertTrue(sentence.contains("at step 3, 50 times fewer steps."), sentence);
    }

    @Test
    void initialisationQuestionSeesTheCurvesCrossAndFindsNormal() {
        ConvergenceComparison c = Convergence.initialisations(runs).orElseThrow();
        assertEquals("sgd-normal", c.faster().name());
        assertEquals("sgd-constant", c.slower().name());
        // 2.75 - t/256 <= 2.46337890625 from t = 73.375; 2.75 - t/256 < 2.5 - t/4096 from t = 68.27
        assertEquals(74, c.matchStep());
        assertEquals(69, c.aheadFrom());
        assertEquals(68, c.behindAt());
        String sentence = c.sentence();
        assertTrue(sentence.startsWith("**Normal initialisation converges faster than constant initialisation.**"),
                sentence);
        assertTrue(sentence.contains("Constant initialisation is ahead at first (at step 68: "
                + ReportFormat.loss(2.5 - 68 / 4096.0) + " against " + ReportFormat.loss(2.75 - 68 / 256.0)
                + "), but from step 69 on normal initialisation's training loss stays lower."), sentence);
    }

    @Test
    void runsFromTheSameStartAreLevelAtStepOneNotBehind() {
        // the same loss before the first update, as two optimizers from one initialisation have
        RunReport sgd = synthetic("sgd", SyntheticRuns.history(20, t -> t == 1 ? 2.5 : 2.5 - t / 4096.0, 0));
        RunReport adam = synthetic("adam", SyntheticRuns.history(20, t -> t == 1 ? 2.5 : 2.5 - t / 64.0, 0));
        ConvergenceComparison c = ConvergenceComparison.of(sgd, adam, "SGD", "Adam");
        assertEquals("adam-constant", c.faster().name());
        assertEquals(2, c.aheadFrom());
        assertEquals(0, c.behindAt());
        assertTrue(c.sentence().endsWith(" Both have training loss 2.500000 at step 1; from step 2 on Adam's is lower."),
                c.sentence());
    }

    private static RunReport synthetic(String optimizer, List<io.mnistspark.train.StepRecord> history) {
        return new RunReport(optimizer + "-constant", 128, optimizer, "constant", "0.01", 0.001, 0.0, history.size(), false,
                history.size(), false, false, history.size(), history.get(history.size() - 1).valLoss(), null, null,
                1.0, history);
    }

    @Test
    void equalCurvesAreATie() {
        RunReport sgd = run("sgd-constant");
        ConvergenceComparison c = ConvergenceComparison.of(sgd, sgd, "SGD", "SGD again");
        assertTrue(c.tie());
        assertTrue(c.sentence().startsWith("**Neither converges faster.**"), c.sentence());
    }

    @Test
    void noPairMeansNoAnswer() {
        List<RunReport> one = List.of(run("adam-normal-early"));
        assertTrue(Convergence.optimizers(one).isEmpty());
        assertTrue(Convergence.initialisations(one).isEmpty());
        assertEquals("adam-normal-early", Convergence.finalEarlyStopped(runs).orElseThrow().name());
        assertTrue(Convergence.finalEarlyStopped(runs.subList(0, 3)).isEmpty());
    }
}
