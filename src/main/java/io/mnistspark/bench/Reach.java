package io.mnistspark.bench;

/**
 * How one contender of the time-to-accuracy race did: the seconds from its first step until its test
 * accuracy was first seen at or above the target (checks not counted), or null if it was not within its
 * step budget; the steps (iterations) taken by then, or the budget; the last test accuracy measured.
 *
 * @param how a short account of how it was timed, for the report
 */
public record Reach(String contender, Double seconds, int steps, double accuracy, String how) {
    public boolean reached() {
        return seconds != null;
    }
}
