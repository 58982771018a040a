package org.duban.app.audit.trail;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.duban.api.audit.AuditPage;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The audit trail for auditors and administrators: pages of it, and exports as .xlsx and .csv. Read only. */
@RestController
@RequestMapping("/api/audit/events")
@PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
class AuditTrailApi {
    private final QueryGateway queries;
    private final AuditExport export;

    AuditTrailApi(QueryGateway queries, AuditExport export) {
        this.queries = queries;
        this.export = export;
    }

    @Operation(summary = "A page of the audit trail, newest first",
            description = "Filters: subject (PLAN, TASK, INDICATOR, UNIT, USER) with id (a unit by id or name), "
                    + "eventType (e.g. ReportReturned), actor (user name), from and to (a day in Asia/Shanghai, or an "
                    + "ISO time), oldestFirst. page from 0, size 1–500.")
    @GetMapping
    AuditPage page(@ModelAttribute AuditFilter filter, @RequestParam(defaultValue = "0") int page,
                   @RequestParam(defaultValue = "50") int size) {
        if (size > 500) {
            throw new IllegalArgumentException("size must be between 1 and 500, not " + size + "; use the exports for more");
        }
        return queries.query(filter.page(page, size), ResponseTypes.instanceOf(AuditPage.class)).join();
    }

    @Operation(summary = "The selected audit trail as a table in UTF-8 (oldest first)")
    @GetMapping("/export.csv")
    void csv(@ModelAttribute AuditFilter filter, HttpServletResponse response) throws IOException {
        export.checkSize(filter);
        attachment(response, "text/csv;charset=UTF-8", "audit-trail.csv");
        export.csv(filter, response.getOutputStream());
    }

    @Operation(summary = "The selected audit trail as an Excel workbook (oldest first)")
    @GetMapping("/export.xlsx")
    void xlsx(@ModelAttribute AuditFilter filter, HttpServletResponse response) throws IOException {
        export.checkSize(filter);
        attachment(response, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "audit-trail.xlsx");
        export.xlsx(filter, response.getOutputStream());
    }

    private static void attachment(HttpServletResponse response, String type, String name) {
        response.setContentType(type);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("审计记录-" + name, StandardCharsets.UTF_8).build().toString());
    }
}
