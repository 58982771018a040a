package org.duban.api.reporting;

/**
 * An evidence attachment (佐证材料) as reports and events refer to it: the stored file is identified by id and
 * fingerprinted by its SHA-256, so a report's event proves which file was submitted.
 */
public record EvidenceRef(String evidenceId, String fileName, long size, String sha256, String mediaType) {
}
