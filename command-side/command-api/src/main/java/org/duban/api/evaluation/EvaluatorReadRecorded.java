package org.duban.api.evaluation;

/**
 * A third-party evaluator read something of a round: recorded for every read they make, so the audit trail shows what
 * an outside party saw. Published by the application, not by an aggregate.
 *
 * @param what the page or API path read, with its query
 */
public record EvaluatorReadRecorded(String roundId, String evaluator, String what) {
}
