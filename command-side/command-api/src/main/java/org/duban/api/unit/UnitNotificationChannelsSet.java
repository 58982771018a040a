package org.duban.api.unit;

import java.util.List;

/**
 * A unit's notification channels were set (email addresses, a group robot's webhook, each on or off).
 * The webhook's signing secret is kept here for the dispatcher and hidden from the audit trail's pages.
 */
public record UnitNotificationChannelsSet(String unitId, List<String> emails, boolean emailOn, String webhookUrl,
                                          WebhookKind webhookKind, String webhookSecret, boolean webhookOn) {
    /** The audit trail keeps an event's text as its summary: the secret is not part of it. */
    @Override
    public String toString() {
        return "UnitNotificationChannelsSet[unitId=" + unitId + ", emails=" + emails + ", emailOn=" + emailOn
                + ", webhookUrl=" + webhookUrl + ", webhookKind=" + webhookKind + ", webhookSecret="
                + (webhookSecret == null ? null : "******") + ", webhookOn=" + webhookOn + "]";
    }
}
