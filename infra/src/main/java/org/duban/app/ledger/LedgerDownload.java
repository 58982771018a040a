package org.duban.app.ledger;

import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.duban.api.Role;
import org.duban.api.ledger.FindLedger;
import org.duban.api.ledger.Ledger;
import org.duban.api.plan.FindPlan;
import org.duban.api.plan.PlanSummary;
import org.duban.app.security.DubanUser;
import org.duban.app.security.WorkAccess;
import org.duban.app.web.NotFound;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Who may take a plan's ledger — its office's supervisors, administrators and auditors (a unit reads its own tasks
 * elsewhere) — and the download itself, shared by the page and the API. Checked before a byte is written, so a
 * refusal is a clean 403 or 404.
 */
@Component
class LedgerDownload {
    private final QueryGateway queries;
    private final LedgerWorkbook workbook;

    LedgerDownload(QueryGateway queries, LedgerWorkbook workbook) {
        this.queries = queries;
        this.workbook = workbook;
    }

    static boolean mayTake(PlanSummary plan, DubanUser user) {
        return WorkAccess.supervises(plan.supervisingUnit(), user) || user.role() == Role.AUDITOR;
    }

    PlanSummary plan(String planId) {
        return queries.query(new FindPlan(planId), ResponseTypes.optionalInstanceOf(PlanSummary.class)).join()
                .orElseThrow(() -> new NotFound("plan " + planId + " does not exist"));
    }

    void send(String planId, DubanUser user, Locale locale, HttpServletResponse response) throws IOException {
        Ledger ledger = queries.query(new FindLedger(planId), ResponseTypes.instanceOf(Ledger.class)).join();
        PlanSummary plan = plan(planId);
        if (!mayTake(plan, user)) {
            throw new AccessDeniedException("only a supervisor of " + plan.supervisingUnit()
                    + ", an administrator or an auditor may take the ledger of plan " + planId);
        }
        response.setContentType(LedgerWorkbook.CONTENT_TYPE);
        String name = (Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? "ledger-" : "台账-")
                + plan.title().replaceAll("[\\\\/:*?\"<>|\\s]+", "") + ".xlsx";
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(name, StandardCharsets.UTF_8).build().toString());
        workbook.write(ledger, locale, response.getOutputStream());
    }
}
