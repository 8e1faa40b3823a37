package io.mnistspark.numpy;

/**
 * The Mersenne Twister MT19937 as numpy's legacy {@code RandomState(seed)} runs it: seeded with
 * {@code init_genrand(seed)}, 32-bit outputs, doubles with 53 random bits and the polar Box-Muller
 * normal with its cached second value. Matching numpy bit for bit is what lets the job reproduce
 * scikit-learn's {@code train_test_split(random_state=0)}; normal draws match numpy's to the last bit
 * except where Java's and the C library's {@code log} round differently (25 of the 101,632 initial
 * weights of the 784-128-10 network differ by one unit in the last place).
 *
 * <p>Not thread-safe; one instance per sequence.
 */
public final class Mt19937 {
    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;

    private final int[] state = new int[N];
    private int index;
    private boolean hasCachedGauss;
    private double cachedGauss;

    /** {@code init_genrand(seed)}: numpy's {@code RandomState(seed)} for a seed in [0, 2^32). */
    public Mt19937(long seed) {
        if (seed < 0 || seed > 0xffffffffL) {
            throw new IllegalArgumentException("seed must be in [0, 4294967295], got " + seed);
        }
        state[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            int prev = state[i - 1];
            state[i] = 1812433253 * (prev ^ (prev >>> 30)) + i;
        }
        index = N;
    }

    /** The next 32-bit output, as an unsigned value in a long. */
    public long nextUint32() {
        if (index >= N) {
            regenerate();
        }
        int y = state[index++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y & 0xffffffffL;
    }

    /** numpy's {@code random_sample()}: 27 + 26 random bits make a double in [0, 1). */
    public double nextDouble() {
        long a = nextUint32() >>> 5;
        long b = nextUint32() >>> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    /**
     * numpy's legacy {@code random_interval(max)}: a uniform integer in [0, max] by masked rejection,
     * the draw that {@code RandomState.shuffle} and {@code permutation} make for each position.
     */
    public long nextInterval(long max) {
        if (max < 0 || max > 0xffffffffL) {
            throw new IllegalArgumentException("interval bound must be in [0, 2^32), got " + max);
        }
        if (max == 0) {
            return 0;
        }
        long mask = max;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        long value;
        do {
            value = nextUint32() & mask;
        } while (value > max);
        return value;
    }

    /** numpy's legacy {@code standard_normal()}: the polar method, keeping the second value for the next call. */
    public double nextGaussian() {
        if (hasCachedGauss) {
            hasCachedGauss = false;
            return cachedGauss;
        }
        double x1;
        double x2;
        double r2;
        do {
            x1 = 2.0 * nextDouble() - 1.0;
            x2 = 2.0 * nextDouble() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        } while (r2 >= 1.0 || r2 == 0.0);
        // Math.log agrees with the C library's log that numpy calls in all but ~1 in 4000 draws (those differ in
        // the last bit); fdlibm's StrictMath.log differs in ~1 in 36.
        double f = Math.sqrt(-2.0 * Math.log(r2) / r2);
        cachedGauss = f * x1;
        hasCachedGauss = true;
        return f * x2;
    }

    private void regenerate() {
        for (int k = 0; k < N; k++) {
            int y = (state[k] & UPPER_MASK) | (state[(k + 1) % N] & LOWER_MASK);
            int next = state[(k + M) % N] ^ (y >>> 1);
            state[k] = (y & 1) == 0 ? next : next ^ MATRIX_A;
        }
        index = 0;
    }
}
