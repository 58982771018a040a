package org.duban.app.supervision.status;

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
 * Assesses every plan in execution each morning by the workflow clock (after the periods open), and once at start-up
 * so that a day the server was down is caught up: time alone turns a task red (its due date passes, its elapsed share
 * outruns its progress).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "duban.supervision.status.daily.enabled", havingValue = "true", matchIfMissing = true)
class DailyStatusAssessment {
    private static final Logger log = LoggerFactory.getLogger(DailyStatusAssessment.class);
    private final StatusAssessment assessment;

    DailyStatusAssessment(StatusAssessment assessment) {
        this.assessment = assessment;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(cron = "${duban.supervision.status.daily.cron:0 40 0 * * *}", zone = WorkflowClock.ZONE_ID)
    void assessEveryPlan() {
        StatusAssessment.Run run = assessment.assessAll(WorkflowClock.today());
        log.info("assessed {} plans: {} tasks and {} indicators changed status", run.plans(), run.tasksChanged(),
                run.indicatorsChanged());
    }
}
