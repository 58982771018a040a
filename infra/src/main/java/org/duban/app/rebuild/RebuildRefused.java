package org.duban.app.rebuild;

/** A rebuild cannot start now (another one runs) or could not get the quiet moment it needs; answered with 409. */
public class RebuildRefused extends RuntimeException {
    public RebuildRefused(String message) {
        super(message);
    }
}
