package org.duban.api;

/** Checks of message fields at construction, so a malformed message never exists. */
public final class Require {
    private Require() {
    }

    public static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value.strip();
    }

    /** Blank optional text is absent text. */
    public static String optionalText(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }
}
