package org.duban.app.web;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.duban.api.plan.ListPlans;
import org.duban.api.plan.PlanSummary;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The server-rendered pages: sign-in and the start page. */
@Controller
class PageController {
    private final QueryGateway queries;

    PageController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("plans",
                queries.query(new ListPlans(), ResponseTypes.multipleInstancesOf(PlanSummary.class)).join());
        return "home";
    }
}
