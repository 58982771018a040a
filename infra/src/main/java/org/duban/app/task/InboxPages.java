package org.duban.app.task;

import org.duban.app.security.DubanUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The inbox page: one page of the inbox, narrowed by plan, kind of step, period or group. */
@Controller
class InboxPages {
    static final int PAGE_SIZE = 25;
    private final Inbox inbox;

    InboxPages(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/inbox")
    String inbox(@AuthenticationPrincipal DubanUser user, @RequestParam(required = false) String plan,
                 @RequestParam(required = false) String step, @RequestParam(required = false) String period,
                 @RequestParam(required = false) String group, @RequestParam(defaultValue = "1") String page,
                 Model model) {
        Inbox.Filter filter = new Inbox.Filter(plan, step, period, groupOf(group));
        Inbox.Page shown = inbox.page(user, filter, number(page), PAGE_SIZE);
        model.addAttribute("inbox", shown);
        model.addAttribute("filter", filter);
        // the navigation's counts come from the same reading
        model.addAttribute(InboxCounts.MODEL_NAME, shown.counts());
        return "tasks/inbox";
    }

    /** A group the page does not know, as a hand-edited address may give, narrows nothing. */
    private static Inbox.Group groupOf(String group) {
        try {
            return group == null || group.isBlank() ? null : Inbox.Group.valueOf(group.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int number(String page) {
        try {
            return Integer.parseInt(page.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
