package org.duban.api.ledger;

import org.duban.api.Require;

/** Everything the progress ledger (台账) of a plan shows, task by task and indicator by indicator; answers a {@link Ledger}. */
public record FindLedger(String planId) {
    public FindLedger {
        planId = Require.id(planId, "planId");
    }
}
