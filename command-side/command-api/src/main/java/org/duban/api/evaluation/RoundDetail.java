package org.duban.api.evaluation;

import org.duban.api.unit.UnitRef;

import java.util.List;

/**
 * A round as its pages show it.
 *
 * @param divergentItems the items scoring left to reconcile (empty before scoring closes)
 */
public record RoundDetail(RoundSummary summary, RoundScope scope, ScoringScheme scheme, List<EvaluatorState> evaluators,
                          List<UnitState> units, List<RoundItem> items, List<String> divergentItems,
                          String cancelReason) {

    /** An evaluator's progress: items scored, handed in, overdue, and the items they declared a conflict with. */
    public record EvaluatorState(Evaluator evaluator, int scoredItems, boolean completed, boolean overdue,
                                 List<String> conflictItems) {
    }

    /** A unit's self-assessment: its items, whether it submitted, late, or is overdue. */
    public record UnitState(UnitRef unit, int items, boolean submitted, boolean late, boolean overdue) {
    }
}
