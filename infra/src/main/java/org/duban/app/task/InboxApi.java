package org.duban.app.task;

import org.duban.app.security.DubanUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** 我的待办 over HTTP: see {@link Inbox}. */
@RestController
class InboxApi {
    private final Inbox inbox;

    InboxApi(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/api/inbox")
    List<Inbox.Item> inbox(@AuthenticationPrincipal DubanUser user) {
        return inbox.of(user);
    }
}
