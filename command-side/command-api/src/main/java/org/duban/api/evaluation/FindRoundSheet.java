package org.duban.api.evaluation;

/**
 * The round's items with their self-assessment and scores, answered as a list of {@link SheetRow} in item order.
 *
 * @param unitId        only this unit's items, or null for all
 * @param onlyEvaluator for a blind round read by an evaluator: only this evaluator's scores are given, and neither the
 *                      others' nor their mean; null for everyone's
 */
public record FindRoundSheet(String roundId, String unitId, String onlyEvaluator) {
}
