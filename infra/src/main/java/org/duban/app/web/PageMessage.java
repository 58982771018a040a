package org.duban.app.web;

/** A sentence for the reader, by its key in the message bundles and the values it names. */
public record PageMessage(String key, Object... args) {
}
