package org.duban.api.reporting;

import org.duban.api.Limits;
import org.duban.api.Require;

/**
 * An evidence attachment (佐证材料) as reports and events refer to it: the stored file is identified by id and
 * fingerprinted by its SHA-256, so a report's event proves which file was submitted.
 */
public record EvidenceRef(String evidenceId, String fileName, long size, String sha256, String mediaType) {
    public EvidenceRef {
        Require.id(evidenceId, "evidenceId");
        fileName = Require.text(fileName, "evidence file name", Limits.FILE_NAME);
        sha256 = Require.id(sha256, "evidence sha256");
        mediaType = Require.optionalText(mediaType, "evidence media type", Limits.NAME);
        if (size < 0) {
            throw new IllegalArgumentException("evidence size cannot be negative");
        }
    }
}
