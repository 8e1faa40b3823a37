package io.mnistspark.numpy;

import java.io.IOException;

/**
 * Bytes that are not a {@code .npy} array numpy could have written: a bad magic number, an unknown format
 * version, a header that is no Python dict literal, a truncated header, or an array the caller cannot use.
 *
 * <p>Checked, like the {@link IOException} it is, because every reader of a {@code .npy} stream already
 * handles read failures; callers that report bad data in their own terms (the npz dataset reader) catch this
 * one to keep its message, which is one line starting with the stream's location.
 */
public final class NpyFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public NpyFormatException(String message) {
        super(oneLine(message));
    }

    public NpyFormatException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    /** A corrupt header's text may hold line breaks; the message stays one line for logs and exit messages. */
    private static String oneLine(String message) {
        return message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
