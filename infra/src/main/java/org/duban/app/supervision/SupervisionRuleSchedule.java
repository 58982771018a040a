package org.duban.app.supervision;

import org.duban.process.WorkflowClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Runs the daily supervision rules every morning (Asia/Shanghai), after the reporting periods have opened. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "duban.supervision.rules.enabled", havingValue = "true", matchIfMissing = true)
class SupervisionRuleSchedule {
    private static final Logger log = LoggerFactory.getLogger(SupervisionRuleSchedule.class);
    private final SupervisionRules rules;

    SupervisionRuleSchedule(SupervisionRules rules) {
        this.rules = rules;
    }

    @Scheduled(cron = "${duban.supervision.rules.cron:0 30 0 * * *}", zone = WorkflowClock.ZONE_ID)
    void checkEveryMorning() {
        int opened = rules.openCasesOnOverdueReports(WorkflowClock.today())
                + rules.openCasesOnTasksRedTwoPeriods(WorkflowClock.today());
        if (opened > 0) {
            log.info("the supervision rules opened {} cases", opened);
        }
    }
}
