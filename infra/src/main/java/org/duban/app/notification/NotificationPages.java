package org.duban.app.notification;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.duban.api.unit.ListUnits;
import org.duban.api.unit.UnitView;
import org.duban.api.unit.WebhookKind;
import org.duban.app.notification.UnitChannels.ChannelsRequest;
import org.duban.app.web.PageActions;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The delivery log for administrators and supervisors, and the unit page's form of its channels. */
@Controller
class NotificationPages {
    private static final int SHOWN = 200;
    private final OutboxStore store;
    private final UnitChannels channels;
    private final PageActions actions;
    private final QueryGateway queries;

    NotificationPages(OutboxStore store, UnitChannels channels, PageActions actions, QueryGateway queries) {
        this.store = store;
        this.channels = channels;
        this.actions = actions;
        this.queries = queries;
    }

    @GetMapping("/notifications")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    String log(@RequestParam(required = false) String unitId, @RequestParam(required = false) String outcome,
               Model model) {
        String unit = NotificationApi.blankToNull(unitId);
        String code = NotificationApi.outcome(outcome);
        List<UnitView> units = queries.query(new ListUnits(), ResponseTypes.multipleInstancesOf(UnitView.class)).join()
                .stream().sorted(Comparator.comparing(UnitView::name)).toList();
        model.addAttribute("units", units);
        model.addAttribute("unitId", unit);
        model.addAttribute("outcome", code);
        model.addAttribute("deliveries", store.deliveries(unit, code, SHOWN));
        model.addAttribute("waiting", store.waiting(unit, SHOWN));
        return "notifications/log";
    }

    @PostMapping("/units/{unitId}/notifications")
    @PreAuthorize("hasRole('ADMIN')")
    String setChannels(@PathVariable String unitId, @RequestParam(required = false) String emails,
                       @RequestParam(defaultValue = "false") boolean emailOn,
                       @RequestParam(required = false) String webhookUrl,
                       @RequestParam(required = false) String webhookKind,
                       @RequestParam(required = false) String webhookSecret,
                       @RequestParam(defaultValue = "false") boolean removeSecret,
                       @RequestParam(defaultValue = "false") boolean webhookOn,
                       RedirectAttributes flash) {
        String back = "/units/" + UriUtils.encodePathSegment(unitId, StandardCharsets.UTF_8) + "#notifications";
        return actions.run(back, flash, "notification.channels.saved", () -> channels.set(unitId, new ChannelsRequest(
                UnitChannels.addresses(emails), emailOn, webhookUrl, kind(webhookKind),
                removeSecret ? "" : NotificationApi.blankToNull(webhookSecret), webhookOn)));
    }

    private static WebhookKind kind(String kind) {
        String given = NotificationApi.blankToNull(kind);
        if (given == null) {
            return null;
        }
        try {
            return WebhookKind.valueOf(given.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("webhookKind must be WECOM or DINGTALK, not " + given);
        }
    }
}
