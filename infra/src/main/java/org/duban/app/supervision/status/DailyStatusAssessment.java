package org.duban.app.supervision.status;

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
 * Assesses every plan in execution each morning by the workflow clock (after the periods open), and once after
 * start-up so that a day the server was down is caught up, in the background once the application is ready
 * ({@link AfterReadiness}) and after the period opening's catch-up: time alone turns a task red (its due date passes, its elapsed share
 * outruns its progress). With several nodes the morning run happens on one of them ({@link ScheduledJobs}); an
 * assessment records only changes of status, so a second one on the same day changes nothing.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "duban.supervision.status.daily.enabled", havingValue = "true", matchIfMissing = true)
class DailyStatusAssessment {
    private static final Logger log = LoggerFactory.getLogger(DailyStatusAssessment.class);
    static final String JOB = "daily-status-assessment";
    private final StatusAssessment assessment;
    private final ScheduledJobs jobs;
    private final AfterReadiness afterReadiness;
    private final String cron;

    DailyStatusAssessment(StatusAssessment assessment, ScheduledJobs jobs, AfterReadiness afterReadiness,
                          @Value("${duban.supervision.status.daily.cron:0 40 0 * * *}") String cron) {
        this.assessment = assessment;
        this.jobs = jobs;
        this.afterReadiness = afterReadiness;
        this.cron = cron;
    }

    // handed over after the period opening's catch-up (order 0), as in the morning
    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    void catchUpAtStart() {
        afterReadiness.run("the start-up catch-up of " + JOB, () -> jobs.runOnce(JOB, null, this::assessEveryPlan));
    }

    @Scheduled(cron = "${duban.supervision.status.daily.cron:0 40 0 * * *}", zone = WorkflowClock.ZONE_ID)
    void assessEveryMorning() {
        jobs.runOnce(JOB, ScheduledJobs.dueMoment(cron, WorkflowClock.ZONE, Instant.now()), this::assessEveryPlan);
    }

    void assessEveryPlan() {
        StatusAssessment.Run run = assessment.assessAll(WorkflowClock.today());
        log.info("assessed {} plans: {} tasks and {} indicators changed status", run.plans(), run.tasksChanged(),
                run.indicatorsChanged());
    }
}
