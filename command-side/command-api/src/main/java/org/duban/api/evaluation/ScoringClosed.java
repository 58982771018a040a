package org.duban.api.evaluation;

import java.util.List;

/**
 * Scoring ended (every evaluator handed in, or a supervisor closed it). The round goes to reconciliation if any item's
 * evaluators differ by more than the scheme's threshold, else to calibration.
 *
 * @param divergentItems the items to reconcile
 */
public record ScoringClosed(String roundId, String planId, List<String> divergentItems) {
}
