package org.duban.app.ledger;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.duban.api.implementation.FindImplementation;
import org.duban.api.implementation.Implementation;
import org.duban.app.security.DubanUser;
import org.duban.app.web.NotFound;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.Locale;

/** A plan's progress ledger (台账) as an Excel workbook; headers in the language asked for (Accept-Language, zh by default). */
@RestController
class LedgerApi {
    private final LedgerDownload download;
    private final QueryGateway queries;

    LedgerApi(LedgerDownload download, QueryGateway queries) {
        this.download = download;
        this.queries = queries;
    }

    @Operation(summary = "How the plans that name this plan as parent are doing, and the gap report: the plan's "
            + "tasks, task-less headings and indicators with no counterpart in each of them")
    @GetMapping("/api/plans/{planId}/implementation")
    Implementation implementation(@PathVariable String planId) {
        Implementation implementation = queries.query(new FindImplementation(planId),
                ResponseTypes.instanceOf(Implementation.class)).join();
        if (implementation.title() == null) {
            throw new NotFound("plan " + planId + " does not exist");
        }
        return implementation;
    }

    @Operation(summary = "The plan's progress ledger (.xlsx): tasks in the decomposition table with status, latest "
            + "progress, supervision and adjustments; indicators with values by period",
            description = "For the supervisors of the plan's office, administrators and auditors.")
    @GetMapping("/api/plans/{planId}/ledger.xlsx")
    void ledger(@PathVariable String planId, @AuthenticationPrincipal DubanUser user, Locale locale,
                HttpServletResponse response) throws IOException {
        download.send(planId, user, locale, response);
    }
}
