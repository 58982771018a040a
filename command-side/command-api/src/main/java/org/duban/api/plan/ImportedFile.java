package org.duban.api.plan;

import org.duban.api.Require;
import org.duban.api.Limits;
import static org.duban.api.Require.text;

/** The file a plan was imported from, identified by its SHA-256 so that anyone can check which file it was. */
public record ImportedFile(String name, long size, String sha256, String format) {
    public ImportedFile {
        text(name, "file name", Limits.FILE_NAME);
        text(sha256, "sha256", 64);
        text(format, "format", 16);
        if (size < 0) {
            throw new IllegalArgumentException("file size cannot be negative");
        }
    }
}
