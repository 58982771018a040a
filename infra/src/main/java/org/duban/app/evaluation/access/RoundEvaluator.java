package org.duban.app.evaluation.access;

import org.duban.api.Role;
import org.duban.app.security.DubanUser;

/**
 * A third-party evaluator signed in with the account issued for one round: an evaluator who reaches only that round,
 * only while it is open ({@link EvaluatorAccessFilter}). The organisation stands where a unit would.
 */
public class RoundEvaluator extends DubanUser {
    private final String roundId;

    public RoundEvaluator(String username, String passwordHash, String displayName, String organisation,
                          String roundId) {
        super(username, passwordHash, displayName, organisation, Role.EVALUATOR);
        this.roundId = roundId;
    }

    public String roundId() {
        return roundId;
    }
}
