package io.mnistspark.optim;

/** A line search (or the direction it was given) that yields no acceptable step; says why. */
final class LineSearchFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LineSearchFailure(String reason) {
        super(reason, null, false, false);
    }
}
