package org.duban.app.task;

import org.duban.app.security.DubanUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * 我的待办 over HTTP: see {@link Inbox}. Every filter is optional; the items come most urgent first. A client that
 * shows a busy unit's inbox reads it in windows ({@code offset}, {@code limit}); {@value #TOTAL_COUNT} says how many
 * items the filters admit in all.
 */
@RestController
class InboxApi {
    static final String TOTAL_COUNT = "X-Total-Count";
    private final Inbox inbox;

    InboxApi(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/api/inbox")
    ResponseEntity<List<Inbox.Item>> inbox(@AuthenticationPrincipal DubanUser user,
                                           @RequestParam(required = false) String plan,
                                           @RequestParam(required = false) String step,
                                           @RequestParam(required = false) String period,
                                           @RequestParam(required = false) Inbox.Group group,
                                           @RequestParam(required = false) Integer offset,
                                           @RequestParam(required = false) Integer limit) {
        Inbox.Filter filter = new Inbox.Filter(plan, step, period, group);
        if (offset == null && limit == null) {
            List<Inbox.Item> items = inbox.of(user, filter);
            return ResponseEntity.ok().header(TOTAL_COUNT, String.valueOf(items.size())).body(items);
        }
        Inbox.Slice slice = inbox.slice(user, filter, offset == null ? 0 : offset,
                limit == null ? Inbox.MAX_SLICE : limit);
        return ResponseEntity.ok().header(TOTAL_COUNT, String.valueOf(slice.matched())).body(slice.items());
    }

    @GetMapping("/api/inbox/counts")
    Inbox.Counts counts(@AuthenticationPrincipal DubanUser user) {
        return inbox.counts(user);
    }
}
