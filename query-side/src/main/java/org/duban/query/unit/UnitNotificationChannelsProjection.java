package org.duban.query.unit;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.duban.api.unit.FindUnitNotificationChannels;
import org.duban.api.unit.UnitNotificationChannels;
import org.duban.api.unit.UnitNotificationChannelsSet;
import org.duban.api.unit.WebhookKind;
import org.duban.query.ProjectionTables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static java.sql.Timestamp.from;

/** How each unit is notified besides its inbox, as an administrator last set it. */
@Component
@ProcessingGroup(UnitNotificationChannelsProjection.PROCESSING_GROUP)
@ProjectionTables({"unit_notification_channel"})
class UnitNotificationChannelsProjection {
    static final String PROCESSING_GROUP = "unit-notification-channels";

    private final JdbcTemplate jdbc;

    UnitNotificationChannelsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(UnitNotificationChannelsSet event, @Timestamp Instant at) {
        jdbc.update("delete from unit_notification_channel where unit_id = ?", event.unitId());
        jdbc.update("insert into unit_notification_channel (unit_id, emails, email_on, webhook_url, webhook_kind, "
                        + "webhook_secret, webhook_on, set_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
                event.unitId(), String.join("\n", event.emails()), event.emailOn(), event.webhookUrl(),
                event.webhookKind() == null ? null : event.webhookKind().name(), event.webhookSecret(),
                event.webhookOn(), from(at));
    }

    @QueryHandler
    Optional<UnitNotificationChannels> handle(FindUnitNotificationChannels query) {
        return jdbc.query("select * from unit_notification_channel where unit_id = ?", (rs, i) -> {
            String emails = rs.getString("emails");
            String kind = rs.getString("webhook_kind");
            return new UnitNotificationChannels(rs.getString("unit_id"),
                    emails == null || emails.isBlank() ? List.of() : Arrays.asList(emails.split("\n")),
                    rs.getBoolean("email_on"), rs.getString("webhook_url"),
                    kind == null ? null : WebhookKind.valueOf(kind), rs.getString("webhook_secret"),
                    rs.getBoolean("webhook_on"), rs.getTimestamp("set_at").toInstant());
        }, query.unitId()).stream().findFirst();
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from unit_notification_channel");
    }
}
