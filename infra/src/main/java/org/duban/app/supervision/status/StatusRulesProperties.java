package org.duban.app.supervision.status;

import org.duban.api.supervision.StatusRules;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The thresholds of the on-schedule status rules, {@code duban.supervision.status.*}; see {@link StatusRules} and
 * docs/SUPERVISION-status.md. The defaults here and in application.yml are {@link StatusRules#defaults()}.
 */
@ConfigurationProperties("duban.supervision.status")
public record StatusRulesProperties(@DefaultValue("15") int taskAmberLag, @DefaultValue("30") int taskRedLag,
                                    @DefaultValue("25") int earlyShare, @DefaultValue("10") int expectedAmberGap,
                                    @DefaultValue("25") int expectedRedGap, @DefaultValue("5") int bindingAmberGap,
                                    @DefaultValue("15") int bindingRedGap) {
    public StatusRulesProperties {
        // checked at start-up: a threshold out of range stops the application, naming it
        new StatusRules(taskAmberLag, taskRedLag, earlyShare, expectedAmberGap, expectedRedGap, bindingAmberGap,
                bindingRedGap);
    }

    public StatusRules rules() {
        return new StatusRules(taskAmberLag, taskRedLag, earlyShare, expectedAmberGap, expectedRedGap, bindingAmberGap,
                bindingRedGap);
    }
}
