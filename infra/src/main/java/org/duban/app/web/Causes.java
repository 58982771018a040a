package org.duban.app.web;

/** Finds what was really refused: the command bus, the query bus and the process engine wrap what they throw. */
public final class Causes {
    private Causes() {
    }

    public static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
