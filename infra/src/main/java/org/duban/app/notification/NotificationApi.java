package org.duban.app.notification;

import io.swagger.v3.oas.annotations.Operation;
import org.duban.app.notification.OutboxStore.Delivery;
import org.duban.app.notification.OutboxStore.Waiting;
import org.duban.app.notification.UnitChannels.ChannelsRequest;
import org.duban.app.notification.UnitChannels.ChannelsView;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** JSON API: a unit's notification channels, and the log of every sending with what still waits. */
@RestController
class NotificationApi {
    private static final Set<String> OUTCOMES = Set.of(OutboxStore.SENT, OutboxStore.RETRY, OutboxStore.FAILED);
    static final int LIMIT = 500;

    private final UnitChannels channels;
    private final OutboxStore store;

    NotificationApi(UnitChannels channels, OutboxStore store) {
        this.channels = channels;
        this.store = store;
    }

    @Operation(summary = "How the unit is notified besides its inbox (the DingTalk secret only as whether one is set)")
    @GetMapping("/api/units/{unitId}/notifications")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    ChannelsView channels(@PathVariable String unitId) {
        return channels.view(unitId);
    }

    @Operation(summary = "Sets the unit's email addresses and group robot (WECOM or DINGTALK), each on or off",
            description = "webhookSecret left out keeps the secret set before; an empty one removes it.")
    @PutMapping("/api/units/{unitId}/notifications")
    @PreAuthorize("hasRole('ADMIN')")
    ChannelsView setChannels(@PathVariable String unitId, @RequestBody ChannelsRequest request) {
        return channels.set(unitId, request);
    }

    record DeliveryLog(List<Delivery> deliveries, List<Waiting> waiting) {
    }

    @Operation(summary = "Every attempt to send a notification, newest first, and the messages still waiting",
            description = "Filters: unitId, outcome (SENT, RETRY, FAILED). At most 500 of each.")
    @GetMapping("/api/notifications")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    DeliveryLog log(@RequestParam(required = false) String unitId, @RequestParam(required = false) String outcome) {
        String unit = blankToNull(unitId);
        return new DeliveryLog(store.deliveries(unit, outcome(outcome), LIMIT), store.waiting(unit, LIMIT));
    }

    static String outcome(String outcome) {
        String given = blankToNull(outcome);
        if (given == null) {
            return null;
        }
        String code = given.toUpperCase(Locale.ROOT);
        if (!OUTCOMES.contains(code)) {
            throw new IllegalArgumentException("outcome must be one of SENT, RETRY, FAILED, not " + given);
        }
        return code;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
