package org.duban.api.evaluation;

/**
 * Where a round stands. It moves forward only: self-assessment, scoring, reconciliation (only when evaluators differ
 * beyond the scheme's threshold), calibration, publication, published, closed; cancelled ends it from any phase before
 * publication.
 */
public enum RoundPhase {
    SELF_ASSESSMENT,
    SCORING,
    RECONCILIATION,
    CALIBRATION,
    /** calibration finished: the results wait for the supervisor to publish them */
    PUBLICATION,
    PUBLISHED,
    CLOSED,
    CANCELLED;

    /** Whether the round still runs: evaluators may read it and its steps wait. */
    public boolean isOpen() {
        return this != CLOSED && this != CANCELLED;
    }
}
