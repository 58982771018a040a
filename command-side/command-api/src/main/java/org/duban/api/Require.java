package org.duban.api;

import java.util.List;

/**
 * Checks of message fields at construction, so a malformed message never exists. Every text has a limit from
 * {@link Limits}; a refusal names the field and the limit, and is answered as a 400.
 */
public final class Require {
    private Require() {
    }

    /** Required text, stripped, at most {@code max} characters, with no control characters but line breaks and tabs. */
    public static String text(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return checked(value.strip(), field, max);
    }

    /** Blank optional text is absent text; present text has the same limits as required text. */
    public static String optionalText(String value, String field, int max) {
        return value == null || value.isBlank() ? null : checked(value.strip(), field, max);
    }

    /** An identifier: required, at most {@link Limits#ID} characters, one line. */
    public static String id(String value, String field) {
        String id = text(value, field, Limits.ID);
        if (id.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(field + " \"" + id + "\" must not contain spaces or line breaks");
        }
        return id;
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    /** An optional list, copied, with no missing elements and at most {@code max} of them. */
    public static <T> List<T> atMost(List<T> values, String field, int max) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > max) {
            throw new IllegalArgumentException(field + ": " + values.size() + " given; at most " + max
                    + " are accepted");
        }
        for (T value : values) {
            if (value == null) {
                throw new IllegalArgumentException(field + " must not contain empty entries");
            }
        }
        return List.copyOf(values);
    }

    private static String checked(String value, String field, int max) {
        if (value.length() > max) {
            throw new IllegalArgumentException(field + " is " + value.length() + " characters long; at most " + max
                    + " are accepted");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7f) {
                throw new IllegalArgumentException(field + " contains the control character U+"
                        + String.format("%04X", (int) c) + " at position " + (i + 1) + "; remove it");
            }
            if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) && !(Character.isLowSurrogate(c) && i > 0
                    && Character.isHighSurrogate(value.charAt(i - 1)))) {
                throw new IllegalArgumentException(field + " contains a broken character at position " + (i + 1));
            }
        }
        return value;
    }
}
