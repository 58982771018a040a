package org.duban.query.unit;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.duban.api.audit.AuditEntry;
import org.duban.api.audit.AuditPage;
import org.duban.api.audit.AuditSubject;
import org.duban.api.audit.FindAuditTrail;
import org.duban.api.unit.FindUnitNotificationChannels;
import org.duban.api.unit.UnitNotificationChannels;
import org.duban.api.unit.UnitNotificationChannelsSet;
import org.duban.api.unit.WebhookKind;
import org.duban.query.Projections;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A unit's channels are those set last; a unit never set has none. */
@DataJpaTest(showSql = false)
class UnitNotificationChannelsProjectionTest {
    @Autowired
    Projections projections;

    private Optional<UnitNotificationChannels> channels(String unitId) {
        // the test's query answers an empty Optional as null, as the query bus does
        return Optional.ofNullable(projections.query(new FindUnitNotificationChannels(unitId),
                ResponseTypes.instanceOf(UnitNotificationChannels.class)));
    }

    @Test
    void the_channels_set_last_are_in_force() {
        projections.given(new UnitNotificationChannelsSet("unit-zq-health", List.of("a@health.cn", "b@health.cn"), true,
                        "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k", WebhookKind.WECOM, null, true),
                new UnitNotificationChannelsSet("unit-zq-health", List.of("a@health.cn"), false,
                        "https://oapi.dingtalk.com/robot/send?access_token=t", WebhookKind.DINGTALK, "SECx", true));

        UnitNotificationChannels health = channels("unit-zq-health").orElseThrow();
        assertThat(health.emails()).containsExactly("a@health.cn");
        assertThat(health.sendsEmail()).isFalse();
        assertThat(health.sendsWebhook()).isTrue();
        assertThat(health.webhookKind()).isEqualTo(WebhookKind.DINGTALK);
        assertThat(health.webhookSecret()).isEqualTo("SECx");
        assertThat(health.setAt()).isEqualTo(projections.lastEventAt());
    }

    @Test
    void the_audit_trail_records_that_a_secret_was_set_never_the_secret() {
        projections.given(new UnitNotificationChannelsSet("unit-zq-secret", List.of(), false,
                "https://oapi.dingtalk.com/robot/send?access_token=t", WebhookKind.DINGTALK, "SECvery-secret", true));

        List<AuditEntry> trail = projections.query(new FindAuditTrail(AuditSubject.UNIT, "unit-zq-secret", null, null,
                null, null, true, 0, 100), ResponseTypes.instanceOf(AuditPage.class)).entries();
        assertThat(trail).singleElement().satisfies(entry -> {
            assertThat(entry.summary()).doesNotContain("SECvery-secret");
            assertThat(entry.changes()).anySatisfy(change -> assertThat(change.field()).isEqualTo("webhookSecret"))
                    .allSatisfy(change -> assertThat(change.after()).isNotEqualTo("SECvery-secret"));
        });
    }

    @Test
    void a_unit_whose_channels_were_never_set_has_none() {
        projections.given(new UnitNotificationChannelsSet("unit-zq-market", List.of(), false, null, null, null, false));
        assertThat(channels("unit-zq-nobody")).isEmpty();
        assertThat(channels("unit-zq-market").orElseThrow().emails()).isEmpty();
    }
}
