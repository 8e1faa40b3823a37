package io.mnistspark.bench;

/**
 * How the bench interleaves the job's step loop with the driver-side series: rounds of
 * {@code stepsPerRound} consecutive job steps, each round followed by one pass of every series;
 * {@code warmup} unrecorded rounds, then {@code rounds} recorded ones.
 *
 * <p>Steps are numbered from 1 as the step loop reports them; full step k runs from the end of step k-1's
 * report to step k's report (step 1 is not full: its report also covers the loop's opening pass). A timed
 * job step is a full step of a recorded round that does not start right after the series: the first step
 * of a round runs on the caches and heap the driver-side passes leave behind, which the job's own loop
 * never meets, so it is left out. The loop makes {@link #updates()} updates; the last two are past the
 * plan (the very last is a pass without the gradient).
 */
public record RoundPlan(int warmup, int rounds, int stepsPerRound) {
    public RoundPlan {
        if (warmup < 0) {
            throw new IllegalArgumentException("warm-up rounds cannot be negative, got " + warmup);
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("at least one measured round is needed, got " + rounds);
        }
        if (stepsPerRound < 2) {
            throw new IllegalArgumentException("a round needs at least 2 job steps (its first is not timed), got "
                    + stepsPerRound);
        }
    }

    /** Updates the step loop makes. */
    public int updates() {
        return plannedSteps() + 2;
    }

    /** Whether the driver-side series run after step {@code step}'s report. */
    public boolean seriesAfter(int step) {
        return step >= 1 && step <= plannedSteps() && step % stepsPerRound == 0;
    }

    /** Whether step {@code step} belongs to a recorded round (so series run after it are recorded too). */
    public boolean recorded(int step) {
        int round = (step - 1) / stepsPerRound;
        return step >= 1 && round >= warmup && round < warmup + rounds;
    }

    /** Whether full step {@code step} is a timed job step. */
    public boolean timed(int step) {
        return recorded(step) && (step - 1) % stepsPerRound != 0;
    }

    /** How many job steps are timed. */
    public int timedSteps() {
        return rounds * (stepsPerRound - 1);
    }

    private int plannedSteps() {
        return (warmup + rounds) * stepsPerRound;
    }
}
