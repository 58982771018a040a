package org.duban.app.reporting;

import org.duban.process.WorkflowClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Opens each plan's current reporting period by the calendar: every morning, and once at start-up so that a day
 * the server was down is caught up. Supervisors can still open a period by hand (an earlier one, say).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "duban.reporting.period-opening.enabled", havingValue = "true", matchIfMissing = true)
class PeriodOpening {
    private static final Logger log = LoggerFactory.getLogger(PeriodOpening.class);
    private final PlanReporting reporting;

    PeriodOpening(PlanReporting reporting) {
        this.reporting = reporting;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(cron = "${duban.reporting.period-opening.cron}", zone = WorkflowClock.ZONE_ID)
    void openCurrentPeriods() {
        reporting.openCurrentPeriods(WorkflowClock.today()).forEach(opened -> log.info(
                "opened period {} of plan {} for {} tasks, due {}", opened.period(), opened.planId(),
                opened.reports(), opened.dueOn()));
    }
}
