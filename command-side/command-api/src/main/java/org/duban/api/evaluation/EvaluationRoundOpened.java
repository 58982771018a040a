package org.duban.api.evaluation;

import java.time.LocalDate;
import java.util.List;

/**
 * A supervisor opened an evaluation round on a plan. The items are resolved from the scope when it is opened.
 *
 * @param office the plan's supervising office, whose supervisors run the round (null: any supervisor)
 * @param cutOff the round judges the record as it stood at the end of this day
 * @param blind  whether an evaluator sees only their own scores
 */
public record EvaluationRoundOpened(String roundId, String planId, String office, RoundKind kind, String title,
                                    LocalDate cutOff, RoundScope scope, List<RoundItem> items, ScoringScheme scheme,
                                    PhaseDeadlines deadlines, List<Evaluator> evaluators, boolean blind) {
}
