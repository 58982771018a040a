package org.duban.api;

/**
 * An expected business refusal: the command was well formed but the aggregate's rules do not allow it
 * (for example publishing a closed plan). Broken input is an {@link IllegalArgumentException} instead.
 */
public class CommandRefused extends RuntimeException {
    private final String code;

    public CommandRefused(String code, String message) {
        super(message);
        this.code = code;
    }

    /** A stable, machine-readable reason such as {@code plan.closed}. */
    public String code() {
        return code;
    }
}
