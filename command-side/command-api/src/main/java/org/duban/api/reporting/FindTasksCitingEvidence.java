package org.duban.api.reporting;

/** The tasks whose reports (drafts or submitted rounds) or contributions cite an evidence file; answers their ids. */
public record FindTasksCitingEvidence(String evidenceId) {
}
