package org.duban.app.task;

import org.duban.app.security.DubanUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** 我的待办 over HTTP: see {@link Inbox}. Every filter is optional; the items come most urgent first. */
@RestController
class InboxApi {
    private final Inbox inbox;

    InboxApi(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/api/inbox")
    List<Inbox.Item> inbox(@AuthenticationPrincipal DubanUser user, @RequestParam(required = false) String plan,
                           @RequestParam(required = false) String step, @RequestParam(required = false) String period,
                           @RequestParam(required = false) Inbox.Group group) {
        return inbox.of(user, new Inbox.Filter(plan, step, period, group));
    }

    @GetMapping("/api/inbox/counts")
    Inbox.Counts counts(@AuthenticationPrincipal DubanUser user) {
        return inbox.counts(user);
    }
}
