package org.duban.app.supervision;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.duban.api.indicator.IndicatorAttribute;
import org.duban.api.indicator.IndicatorView;
import org.duban.api.plan.FindPlanTree;
import org.duban.api.plan.PlanTree;
import org.duban.api.supervision.CaseTrigger;
import org.duban.api.supervision.FindLongOverdueReports;
import org.duban.api.supervision.FindLongOverdueReports.Report;
import org.duban.api.supervision.FindSupervisionCases;
import org.duban.api.supervision.FindTasksRedTwoPeriods;
import org.duban.api.supervision.IndicatorStatusChanged;
import org.duban.api.supervision.IssueSupervisionNotice;
import org.duban.api.supervision.NoticeGrade;
import org.duban.api.supervision.RagStatus;
import org.duban.api.supervision.SupervisedItem;
import org.duban.api.supervision.SupervisionCaseView;
import org.duban.api.task.FindTaskSummaries;
import org.duban.api.task.TaskStatus;
import org.duban.api.task.TaskSummary;
import org.duban.api.unit.UnitRef;
import org.duban.app.web.PeriodNames;
import org.duban.app.web.Retries;
import org.duban.process.calendar.WorkingDays;
import org.duban.process.supervision.SupervisionCases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The configured rules that open supervision cases by themselves, as the system: a report overdue for N working days
 * (checked every morning), a task red at the end of two periods in a row (checked every morning), a binding
 * indicator turning red (when its status changes). A case opened by a rule has an
 * id made of the rule and the occurrence, so the same occurrence never opens two (the case ignores a second issue);
 * and no rule opens a case while one of the same rule about the same item is still open.
 */
@Component
public class SupervisionRules {
    private static final Logger log = LoggerFactory.getLogger(SupervisionRules.class);
    /** The wording of a rule's reason is the system's, in the offices' language. */
    private static final Locale SYSTEM_LANGUAGE = Locale.SIMPLIFIED_CHINESE;

    private final SupervisionRulesProperties rules;
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final WorkingDays workingDays;
    private final SupervisionCases cases;
    private final MessageSource messages;
    private final Retries retries;
    private final PeriodNames periods;

    SupervisionRules(SupervisionRulesProperties rules, CommandGateway commands, QueryGateway queries,
                     WorkingDays workingDays, SupervisionCases cases, MessageSource messages, Retries retries,
                     PeriodNames periods) {
        this.rules = rules;
        this.commands = commands;
        this.queries = queries;
        this.workingDays = workingDays;
        this.cases = cases;
        this.messages = messages;
        this.retries = retries;
        this.periods = periods;
    }

    /**
     * Opens a case on every report still with its unit and overdue for the configured working days on {@code today},
     * to the task's lead unit, each in a transaction of its own. Answers how many cases it opened.
     */
    public int openCasesOnOverdueReports(LocalDate today) {
        int opened = 0;
        for (Report report : queries.query(new FindLongOverdueReports(today),
                ResponseTypes.multipleInstancesOf(Report.class)).join()) {
            if (workingDays.plus(report.overdueOn(), rules.reportOverdueWorkingDays()).isAfter(today)) {
                continue;
            }
            SupervisedItem item = SupervisedItem.report(report.taskId(), report.periodKey());
            boolean issued = retries.attempt("the overdue rule on task " + report.taskId(), () -> {
                TaskSummary task = queries.query(new FindTaskSummaries(List.of(report.taskId())),
                        ResponseTypes.multipleInstancesOf(TaskSummary.class)).join().stream().findFirst().orElse(null);
                if (task == null) {
                    return false;
                }
                String reason = messages.getMessage("supervision.rule.reportOverdue.reason",
                        new Object[]{report.periodKey(), rules.reportOverdueWorkingDays()}, SYSTEM_LANGUAGE);
                return issue(caseId(CaseTrigger.REPORT_OVERDUE, report.taskId() + ":" + report.periodKey()),
                        task.planId(), task.supervisingUnit(), item, task.leadUnit(), rules.reportOverdueGrade(),
                        CaseTrigger.REPORT_OVERDUE, reason);
            });
            if (issued) {
                opened++;
                log.info("opened a supervision case on the {} report of task {}, overdue since {}", report.periodKey(),
                        report.taskId(), report.overdueOn());
            }
        }
        return opened;
    }

    /**
     * Opens a case on every open task whose status was RED at the end of each of its last two periods ended before
     * {@code today}, to its lead unit, each in a transaction of its own; the occurrence is the later period, so the
     * same two periods never open a second case. Answers how many cases it opened.
     */
    public int openCasesOnTasksRedTwoPeriods(LocalDate today) {
        if (!rules.taskRedTwoPeriods()) {
            return 0;
        }
        int opened = 0;
        for (FindTasksRedTwoPeriods.Task red : queries.query(new FindTasksRedTwoPeriods(today),
                ResponseTypes.multipleInstancesOf(FindTasksRedTwoPeriods.Task.class)).join()) {
            boolean issued = retries.attempt("the red-two-periods rule on task " + red.taskId(), () -> {
                TaskSummary task = queries.query(new FindTaskSummaries(List.of(red.taskId())),
                        ResponseTypes.multipleInstancesOf(TaskSummary.class)).join().stream().findFirst().orElse(null);
                // a closed task is followed no more; it keeps its last status
                if (task == null || task.status() == TaskStatus.CLOSED) {
                    return false;
                }
                String reason = messages.getMessage("supervision.rule.taskRedTwoPeriods.reason",
                        new Object[]{periods.name(red.earlierPeriodKey(), SYSTEM_LANGUAGE),
                                periods.name(red.laterPeriodKey(), SYSTEM_LANGUAGE)}, SYSTEM_LANGUAGE);
                return issue(caseId(CaseTrigger.TASK_RED_TWO_PERIODS, red.taskId() + ":" + red.laterPeriodKey()),
                        task.planId(), task.supervisingUnit(), SupervisedItem.task(red.taskId()), task.leadUnit(),
                        rules.taskRedGrade(), CaseTrigger.TASK_RED_TWO_PERIODS, reason);
            });
            if (issued) {
                opened++;
                log.info("opened a supervision case on task {}, red at the end of {} and {}", red.taskId(),
                        red.earlierPeriodKey(), red.laterPeriodKey());
            }
        }
        return opened;
    }

    /**
     * A binding indicator that turns red opens a case to its first responsible unit, in the transaction that records
     * the change of status.
     */
    @EventHandler
    void on(IndicatorStatusChanged event) {
        if (!rules.bindingIndicatorRed() || event.toStatus() != RagStatus.RED || event.fromStatus() == RagStatus.RED) {
            return;
        }
        PlanTree tree = queries.query(new FindPlanTree(event.planId()), ResponseTypes.optionalInstanceOf(PlanTree.class))
                .join().orElse(null);
        IndicatorView indicator = tree == null ? null : tree.indicators().stream()
                .filter(i -> i.indicatorId().equals(event.indicatorId())).findFirst().orElse(null);
        if (indicator == null || indicator.attribute() != IndicatorAttribute.BINDING
                || indicator.responsibleUnits().isEmpty()) {
            return;
        }
        String reason = messages.getMessage("supervision.rule.indicatorRed.reason", new Object[]{indicator.name()},
                SYSTEM_LANGUAGE);
        issue(caseId(CaseTrigger.BINDING_INDICATOR_RED, event.indicatorId() + ":" + event.asOf()), event.planId(),
                tree.plan().supervisingUnit(), SupervisedItem.indicator(event.indicatorId()),
                indicator.responsibleUnits().get(0), rules.indicatorRedGrade(), CaseTrigger.BINDING_INDICATOR_RED, reason);
    }

    /** Issues as the system, whoever's request caused the rule to fire; answers whether a case was opened. */
    private boolean issue(String caseId, String planId, String office, SupervisedItem item, UnitRef unit,
                          NoticeGrade grade, CaseTrigger trigger, String reason) {
        List<SupervisionCaseView> open = queries.query(FindSupervisionCases.openAbout(item, trigger),
                ResponseTypes.multipleInstancesOf(SupervisionCaseView.class)).join();
        if (!open.isEmpty()) {
            return false;
        }
        IssueSupervisionNotice notice = new IssueSupervisionNotice(caseId, planId, office, item, unit, grade, trigger,
                reason, cases.answerDay());
        SecurityContext caller = SecurityContextHolder.getContext();
        SecurityContextHolder.clearContext();
        try {
            return Boolean.TRUE.equals(commands.sendAndWait(notice));
        } finally {
            SecurityContextHolder.setContext(caller);
        }
    }

    /** The rule and its occurrence; a name-based UUID when that is longer than an id may be. */
    static String caseId(CaseTrigger trigger, String occurrence) {
        String id = trigger.name().toLowerCase(Locale.ROOT).replace('_', '-') + ":" + occurrence;
        return id.length() <= 100 && id.chars().noneMatch(Character::isWhitespace) ? id
                : UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
