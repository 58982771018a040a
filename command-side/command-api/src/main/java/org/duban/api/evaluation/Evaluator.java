package org.duban.api.evaluation;

import org.duban.api.Limits;
import org.duban.api.Require;

/**
 * A person who scores in a round: a supervisor of the office by their account, or an account of the third-party
 * evaluator, bound to this round alone.
 *
 * @param organisation the third party's name (for staff, the office)
 */
public record Evaluator(String username, String displayName, EvaluatorKind kind, String organisation) {
    public Evaluator {
        username = Require.id(username, "evaluator username");
        displayName = Require.text(displayName, "evaluator displayName", Limits.NAME);
        Require.present(kind, "evaluator kind");
        organisation = Require.text(organisation, "evaluator organisation", Limits.NAME);
    }
}
