package org.duban.command.unit;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.duban.api.MetadataKeys;
import org.duban.api.NotAuthorized;
import org.duban.api.Role;
import org.duban.api.unit.SetUnitNotificationChannels;
import org.duban.api.unit.UnitIds;
import org.duban.api.unit.UnitNotificationChannelsSet;
import org.duban.api.unit.UnitRegistered;
import org.duban.api.unit.WebhookKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnitNotificationChannelsTest {
    private static final String HEALTH = UnitIds.of("区卫生健康委");
    private static final UnitRegistered REGISTERED = new UnitRegistered(HEALTH, "区卫生健康委", List.of(), false, "大足区");
    private static final Map<String, String> ADMIN = Map.of(MetadataKeys.ACTOR_ROLE, Role.ADMIN.name());

    private final AggregateTestFixture<Unit> fixture = new AggregateTestFixture<>(Unit.class);

    private static SetUnitNotificationChannels channels(String email, String url) {
        return new SetUnitNotificationChannels(HEALTH, List.of(email), true, url, WebhookKind.WECOM, null, true);
    }

    @Test
    void an_administrator_sets_a_units_email_and_webhook() {
        fixture.given(REGISTERED)
                .when(channels(" Office@Health.example.cn ", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k"), ADMIN)
                .expectEvents(new UnitNotificationChannelsSet(HEALTH, List.of("office@health.example.cn"), true,
                        "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k", WebhookKind.WECOM, null, true));
    }

    @Test
    void the_same_settings_sent_again_change_nothing() {
        fixture.given(REGISTERED, new UnitNotificationChannelsSet(HEALTH, List.of("a@b.cn"), true, "https://x.cn/h",
                        WebhookKind.WECOM, null, true))
                .when(channels("a@b.cn", "https://x.cn/h"), ADMIN)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_unit_user_or_a_supervisor_cannot_set_the_channels() {
        for (Role role : List.of(Role.UNIT_USER, Role.SUPERVISOR, Role.AUDITOR)) {
            fixture.given(REGISTERED)
                    .when(channels("a@b.cn", "https://x.cn/h"), Map.of(MetadataKeys.ACTOR_ROLE, role.name()))
                    .expectException(NotAuthorized.class);
        }
    }

    @Test
    void addresses_and_urls_are_checked_and_the_refusal_names_the_field() {
        assertThatThrownBy(() -> channels("not-an-address", null)).hasMessageStartingWith("emails");
        assertThatThrownBy(() -> channels("a@b.cn", "ftp://x.cn/h")).hasMessageStartingWith("webhookUrl");
        assertThatThrownBy(() -> channels("a@b.cn", "javascript:alert(1)")).hasMessageStartingWith("webhookUrl");
        assertThatThrownBy(() -> channels("a@b.cn", "https://user:pw@x.cn/h")).hasMessageStartingWith("webhookUrl");
        assertThatThrownBy(() -> new SetUnitNotificationChannels(HEALTH, List.of(), true, null, null, null, false))
                .hasMessageStartingWith("emails");
        assertThatThrownBy(() -> new SetUnitNotificationChannels(HEALTH, List.of(), false, null, WebhookKind.WECOM, null, true))
                .hasMessageStartingWith("webhookUrl");
        assertThatThrownBy(() -> new SetUnitNotificationChannels(HEALTH, List.of(), false, "https://x.cn/h",
                WebhookKind.WECOM, "SEC123", true)).hasMessageStartingWith("webhookSecret");
        // both off, nothing given: notified in the inbox only
        assertThat(new SetUnitNotificationChannels(HEALTH, null, false, " ", null, null, false).emails()).isEmpty();
    }
}
