package org.duban.app.reporting.evidence;

/**
 * An upload that is not accepted as evidence. The message names the file, what is wrong with it and what is
 * accepted. An {@link IllegalArgumentException}, so wherever it surfaces the API answers 400 with that message;
 * the evidence API answers a file over the limit with 413.
 */
public class EvidenceRefused extends IllegalArgumentException {
    private final String fileName;
    private final boolean tooLarge;

    EvidenceRefused(String fileName, String message, boolean tooLarge) {
        super(message);
        this.fileName = fileName;
        this.tooLarge = tooLarge;
    }

    public String fileName() {
        return fileName;
    }

    public boolean tooLarge() {
        return tooLarge;
    }
}
