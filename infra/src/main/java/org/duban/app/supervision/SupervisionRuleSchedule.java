package org.duban.app.supervision;

import org.duban.app.nodes.ScheduledJobs;
import org.duban.process.WorkflowClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Instant;

/**
 * Runs the daily supervision rules every morning (Asia/Shanghai), after the reporting periods have opened, on one node
 * of several ({@link ScheduledJobs}). The rules are idempotent besides: a case's id is derived from its trigger and
 * occurrence, so a second run finds the case open and opens none.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "duban.supervision.rules.enabled", havingValue = "true", matchIfMissing = true)
class SupervisionRuleSchedule {
    private static final Logger log = LoggerFactory.getLogger(SupervisionRuleSchedule.class);
    static final String JOB = "supervision-rules";
    private final SupervisionRules rules;
    private final ScheduledJobs jobs;
    private final String cron;

    SupervisionRuleSchedule(SupervisionRules rules, ScheduledJobs jobs,
                            @Value("${duban.supervision.rules.cron:0 30 0 * * *}") String cron) {
        this.rules = rules;
        this.jobs = jobs;
        this.cron = cron;
    }

    @Scheduled(cron = "${duban.supervision.rules.cron:0 30 0 * * *}", zone = WorkflowClock.ZONE_ID)
    void checkEveryMorning() {
        jobs.runOnce(JOB, ScheduledJobs.dueMoment(cron, WorkflowClock.ZONE, Instant.now()), this::check);
    }

    void check() {
        int opened = rules.openCasesOnOverdueReports(WorkflowClock.today())
                + rules.openCasesOnTasksRedTwoPeriods(WorkflowClock.today());
        if (opened > 0) {
            log.info("the supervision rules opened {} cases", opened);
        }
    }
}
