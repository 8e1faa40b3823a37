package io.mnistspark.data;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * How many fuzz cases run and from which seed: the same cases on every run of {@code mvn -B verify}, more
 * on request.
 *
 * <ul>
 *   <li>{@code -Dfuzz.seed=S} (default 16): another fixed set of cases;</li>
 *   <li>{@code -Dfuzz.scale=K} (default 1): K times the cases of every family (the Spark and command-line
 *       samples too);</li>
 *   <li>{@code -Dfuzz.case=N}: only case N of each family, to replay the one a failure names.</li>
 * </ul>
 * Case N of a family is made from its own random stream, a function of the seed, the family and N alone, so
 * it is the same case whatever the scale and whichever cases run before it.
 */
public final class Fuzz {
    public static final long SEED = Long.getLong("fuzz.seed", 16L);
    public static final int SCALE = Integer.getInteger("fuzz.scale", 1);
    private static final int ONLY = Integer.getInteger("fuzz.case", -1);

    private Fuzz() {
    }

    /** The case numbers of a family that runs {@code inVerify} cases at scale 1. */
    public static IntStream cases(int inVerify) {
        return ONLY >= 0 ? IntStream.of(ONLY) : IntStream.range(0, inVerify * SCALE);
    }

    /** How many cases {@link #cases} gives: 1 when replaying one. */
    public static int count(int inVerify) {
        return ONLY >= 0 ? 1 : inVerify * SCALE;
    }

    /** Whether a single case is being replayed, when a family's overall checks (both outcomes seen) do not apply. */
    public static boolean replaying() {
        return ONLY >= 0;
    }

    /** The random stream of case {@code index} of {@code family}. */
    public static SplittableRandom random(String family, int index) {
        long mixed = SEED * 0x9E3779B97F4A7C15L + family.hashCode();
        mixed = mixed * 0xBF58476D1CE4E5B9L + index;
        return new SplittableRandom(mixed ^ (mixed >>> 31));
    }

    /** How to replay case {@code index} alone, for failure messages. */
    public static String replay(String family, int index) {
        return family + " case " + index + " (replay with -Dfuzz.seed=" + SEED + " -Dfuzz.case=" + index + ")";
    }
}
