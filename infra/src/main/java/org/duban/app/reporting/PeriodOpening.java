package org.duban.app.reporting;

import org.duban.app.nodes.AfterReadiness;
import org.duban.app.nodes.ScheduledJobs;
import org.duban.process.WorkflowClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Instant;

/**
 * Opens each plan's current reporting period by the calendar: every morning, and once after start-up so that a day
 * the server was down is caught up. The catch-up runs in the background once the application is ready
 * ({@link AfterReadiness}), before the status assessment's: until it is done the application is as it is on any
 * morning before 00:10, the period not open yet. Supervisors can still open a period by hand (an earlier one, say). With several
 * nodes the morning run happens on one of them ({@link ScheduledJobs}); opening is idempotent besides (a plan's lock,
 * and a task with the period's report already open is left alone), so a start-up catch-up beside it changes nothing.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "duban.reporting.period-opening.enabled", havingValue = "true", matchIfMissing = true)
class PeriodOpening {
    private static final Logger log = LoggerFactory.getLogger(PeriodOpening.class);
    static final String JOB = "period-opening";
    static final int CATCH_UP_ORDER = 0;
    private final PlanReporting reporting;
    private final ScheduledJobs jobs;
    private final AfterReadiness afterReadiness;
    private final String cron;

    PeriodOpening(PlanReporting reporting, ScheduledJobs jobs, AfterReadiness afterReadiness,
                  @Value("${duban.reporting.period-opening.cron}") String cron) {
        this.reporting = reporting;
        this.jobs = jobs;
        this.afterReadiness = afterReadiness;
        this.cron = cron;
    }

    /** Handed over first of the catch-ups, as the periods open first in the morning. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(CATCH_UP_ORDER)
    void catchUpAtStart() {
        afterReadiness.run("the start-up catch-up of " + JOB, () -> jobs.runOnce(JOB, null, this::openCurrentPeriods));
    }

    @Scheduled(cron = "${duban.reporting.period-opening.cron}", zone = WorkflowClock.ZONE_ID)
    void openEveryMorning() {
        jobs.runOnce(JOB, ScheduledJobs.dueMoment(cron, WorkflowClock.ZONE, Instant.now()), this::openCurrentPeriods);
    }

    void openCurrentPeriods() {
        reporting.openCurrentPeriods(WorkflowClock.today()).forEach(opened -> log.info(
                "opened period {} of plan {} for {} tasks, due {}", opened.period(), opened.planId(),
                opened.reports(), opened.dueOn()));
    }
}
