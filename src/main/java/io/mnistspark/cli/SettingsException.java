package io.mnistspark.cli;

/** A setting is out of range or contradicts another; detected before Spark starts. */
public final class SettingsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SettingsException(String message) {
        super(message);
    }
}
