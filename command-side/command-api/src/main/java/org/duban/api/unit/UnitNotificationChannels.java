package org.duban.api.unit;

import java.time.Instant;
import java.util.List;

/** A unit's notification channels as last set; the secret is for the dispatcher and never shown. */
public record UnitNotificationChannels(String unitId, List<String> emails, boolean emailOn, String webhookUrl,
                                       WebhookKind webhookKind, String webhookSecret, boolean webhookOn,
                                       Instant setAt) {
    public boolean sendsEmail() {
        return emailOn && !emails.isEmpty();
    }

    public boolean sendsWebhook() {
        return webhookOn && webhookUrl != null && webhookKind != null;
    }
}
