package org.duban.api.evaluation;

/**
 * A supervisor issued (or issued anew) the password of a third-party evaluator's account, bound to the round: it signs
 * in only while the round is open and reads and scores nothing but that round. The password is never recorded.
 * Published by the application, not by an aggregate.
 */
public record EvaluatorAccountIssued(String roundId, String planId, String evaluator, String displayName,
                                     String organisation) {
}
