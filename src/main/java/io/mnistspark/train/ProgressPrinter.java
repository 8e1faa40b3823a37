package io.mnistspark.train;

import io.mnistspark.numpy.PythonRepr;
import java.io.PrintWriter;

/**
 * Prints the notebook's progress line every {@code every} steps ({@code Step: 100 Train loss: ... Val loss: ...},
 * losses as Python prints them) followed by the elapsed time and an estimate of the time left.
 */
public final class ProgressPrinter implements StepListener {
    private final PrintWriter out;
    private final int every;
    private final boolean upToMax;
    private final String prefix;

    /**
     * @param out where the lines go (the command's output writer); flushed after each line, so progress shows
     *     while the run trains
     * @param upToMax the step count is a maximum (early stopping): show the pace instead of a time left
     * @param prefix text before each line, e.g. {@code "[run 2/4 adam-constant] "}, or empty
     */
    public ProgressPrinter(PrintWriter out, int every, boolean upToMax, String prefix) {
        this.out = out;
        this.every = every;
        this.upToMax = upToMax;
        this.prefix = prefix;
    }

    @Override
    public void onStep(StepRecord record, int maxSteps) {
        int step = record.step();
        if (step % every != 0 && step != maxSteps) {
            return;
        }
        double elapsed = record.elapsedMs() / 1000.0;
        double perStep = elapsed / step;
        String estimate;
        if (step == maxSteps) {
            estimate = "done";
        } else if (upToMax) {
            // under early stopping the end is unknown; the maximum would be a meaningless bound
            estimate = String.format("%.2f s/step, at most %d steps more", perStep, maxSteps - step);
        } else {
            estimate = "about " + duration(perStep * (maxSteps - step)) + " left";
        }
        out.printf("%sStep: %d Train loss: %s Val loss: %s   [%s elapsed, %s]%n", prefix, step,
                PythonRepr.format(record.trainLoss()), PythonRepr.format(record.valLoss()), duration(elapsed), estimate);
        out.flush();
    }

    @Override
    public void onStop(int step, String reason) {
        out.println(prefix + reason);
        out.flush();
    }

    /** 4.2 s, 3 min 05 s, 1 h 02 min. */
    static String duration(double seconds) {
        if (seconds < 60) {
            return String.format("%.1f s", seconds);
        }
        long s = Math.round(seconds);
        if (s < 3600) {
            return String.format("%d min %02d s", s / 60, s % 60);
        }
        return String.format("%d h %02d min", s / 3600, (s % 3600) / 60);
    }
}
