package io.mnistspark.report;

import io.mnistspark.model.ConstantInit;
import io.mnistspark.model.NormalInit;
import io.mnistspark.numpy.PythonRepr;
import io.mnistspark.train.RunOutcome;
import io.mnistspark.train.StepRecord;
import io.mnistspark.train.TrainingResult;
import io.mnistspark.train.TrainingSettings;
import java.util.List;

/**
 * What the plots and {@code report.md} need to know about one run, whether it has just trained
 * ({@link #of(RunOutcome)}) or is read back from {@code summary.json} and {@code history.parquet}
 * ({@link ReportLoader}): one shape for both, so {@code plot} redraws exactly what {@code train} drew.
 *
 * @param hidden units in the hidden layer; the data decides the input and output sizes ({@link ReportHeader})
 * @param init {@code constant} or {@code normal}
 * @param initDetail what distinguishes one start from another of the same kind ({@code 0.01}, {@code sd 0.1, seed 0})
 * @param learningRate the rate given (not used by lbfgs, whose line search picks its steps)
 * @param regParam the L2 penalty's weight, 0 for none
 * @param earlyStopping the run had a stopping rule (it may still have run to {@code maxSteps})
 * @param bestStep the step with the best validation loss, 0 if none
 * @param testAccuracy null when the run was not tested (it diverged, or the data had no test rows)
 * @param confusion rows are true classes; null when not tested
 * @param history one row per update, steps 1, 2, ...
 */
public record RunReport(String name, int hidden, String optimizer, String init, String initDetail, double learningRate,
        double regParam, int maxSteps, boolean earlyStopping, int steps, boolean stoppedEarly, boolean diverged, int bestStep,
        double bestValLoss, Double testAccuracy, long[][] confusion, double wallSeconds, List<StepRecord> history) {
    public RunReport {
        history = List.copyOf(history);
        if (history.size() != steps) {
            throw new IllegalArgumentException("run " + name + " applied " + steps + " updates but its history has "
                    + history.size() + " rows");
        }
        for (int i = 0; i < history.size(); i++) {
            if (history.get(i).step() != i + 1) {
                throw new IllegalArgumentException("run " + name + ": history row " + (i + 1) + " is step "
                        + history.get(i).step() + "; steps must run 1, 2, 3, ... without gaps");
            }
        }
    }

    /** A run that has just trained. */
    public static RunReport of(RunOutcome outcome) {
        TrainingSettings s = outcome.settings();
        TrainingResult r = outcome.result();
        return new RunReport(s.runName(), s.hidden(), s.optimizer().label(), s.init().name(), initDetail(s), s.learningRate(),
                s.penalty().regParam(), s.maxSteps(), s.earlyStopping().isPresent(), r.steps(), r.stoppedEarly(), r.diverged(), r.bestStep(),
                r.bestValLoss(), outcome.confusion() == null ? null : outcome.testAccuracy(),
                outcome.confusion() == null ? null : outcome.confusion().rows(), outcome.wallSeconds(), r.history());
    }

    /** The training loss of update {@code step} (from 1). */
    public double trainLoss(int step) {
        return history.get(step - 1).trainLoss();
    }

    /** The validation loss after update {@code step} (from 1). */
    public double valLoss(int step) {
        return history.get(step - 1).valLoss();
    }

    /** The optimizer as a reader writes it: SGD, Adam. */
    public String optimizerLabel() {
        return optimizer.equalsIgnoreCase("sgd") ? "SGD" : optimizer.equalsIgnoreCase("adam") ? "Adam" : optimizer;
    }

    /** Whether the optimizer chose its own steps by a line search (lbfgs) rather than a learning rate. */
    public boolean searchesLines() {
        return optimizer.equalsIgnoreCase("lbfgs");
    }

    /** How the run stepped, for titles: {@code learning rate 0.001}, {@code line search, L2 0.0003}. */
    public String steppingLabel() {
        String rule = searchesLines() ? "line search" : "learning rate " + ReportFormat.number(learningRate);
        return regParam > 0.0 ? rule + ", L2 " + ReportFormat.number(regParam) : rule;
    }

    /** The initialisation as a reader writes it: {@code constant 0.01}, {@code normal (sd 0.1, seed 0)}. */
    public String initLabel() {
        return init.equals("constant") ? "constant " + initDetail : init + " (" + initDetail + ")";
    }

    /** Same starting weights: same kind, same value or same stddev and seed. */
    public boolean sameInit(RunReport other) {
        return init.equals(other.init) && initDetail.equals(other.initDetail);
    }

    static String initDetail(TrainingSettings s) {
        if (s.init() instanceof ConstantInit constant) {
            return PythonRepr.format(constant.value());
        }
        if (s.init() instanceof NormalInit normal) {
            return "sd " + PythonRepr.format(normal.stddev()) + ", seed " + normal.seed();
        }
        return s.init().name();
    }
}
