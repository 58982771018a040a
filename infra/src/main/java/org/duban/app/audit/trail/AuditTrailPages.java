package org.duban.app.audit.trail;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.duban.api.audit.AuditPage;
import org.duban.api.audit.AuditSubject;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/** 审计记录: the audit trail page with its filters, paging and export links. */
@Controller
@PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
class AuditTrailPages {
    static final int PAGE_SIZE = 50;
    private final QueryGateway queries;

    AuditTrailPages(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/audit")
    String trail(@ModelAttribute("filter") AuditFilter filter, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("subjects", AuditSubject.values());
        try {
            model.addAttribute("trail", queries.query(filter.page(Math.max(page, 0), PAGE_SIZE),
                    ResponseTypes.instanceOf(AuditPage.class)).join());
        } catch (IllegalArgumentException e) {
            model.addAttribute("problem", e.getMessage());
        }
        model.addAttribute("query", filter.query());
        return "audit/trail";
    }
}
