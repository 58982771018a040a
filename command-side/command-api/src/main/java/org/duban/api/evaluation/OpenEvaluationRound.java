package org.duban.api.evaluation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Limits;
import org.duban.api.Require;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Opens an evaluation round: kind, cut-off, scope and its resolved items, scheme, deadlines and evaluators. Only a
 * supervisor of the plan's office (or an administrator) opens one.
 */
public record OpenEvaluationRound(@TargetAggregateIdentifier String roundId, String planId, String office,
                                  RoundKind kind, String title, LocalDate cutOff, RoundScope scope,
                                  List<RoundItem> items, ScoringScheme scheme, PhaseDeadlines deadlines,
                                  List<Evaluator> evaluators, boolean blind) {
    public OpenEvaluationRound {
        Require.id(roundId, "roundId");
        Require.id(planId, "planId");
        office = office == null || office.isBlank() ? null : Require.id(office, "office");
        Require.present(kind, "kind");
        title = Require.text(title, "title", Limits.TITLE);
        Require.present(cutOff, "cutOff");
        scope = scope == null ? RoundScope.wholePlan() : scope;
        items = Require.atMost(items, "items", 20_000);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("the scope holds no task or indicator to evaluate");
        }
        Set<String> ids = new HashSet<>();
        for (RoundItem item : items) {
            if (!ids.add(item.itemId())) {
                throw new IllegalArgumentException("item " + item.itemId() + " is in the round twice");
            }
        }
        Require.present(scheme, "scheme");
        Require.present(deadlines, "deadlines");
        if (deadlines.selfAssessmentDue().isBefore(cutOff)) {
            throw new IllegalArgumentException("selfAssessmentDue " + deadlines.selfAssessmentDue()
                    + " comes before the cut-off " + cutOff);
        }
        evaluators = Require.atMost(evaluators, "evaluators", 100);
        if (evaluators.isEmpty()) {
            throw new IllegalArgumentException("a round needs at least one evaluator");
        }
        Set<String> names = new HashSet<>();
        for (Evaluator evaluator : evaluators) {
            if (!names.add(evaluator.username())) {
                throw new IllegalArgumentException("evaluator " + evaluator.username() + " is named twice");
            }
        }
    }
}
