package org.duban.app.web;

/** The thing asked for does not exist; answered with 404. */
public class NotFound extends RuntimeException {
    public NotFound(String message) {
        super(message);
    }
}
