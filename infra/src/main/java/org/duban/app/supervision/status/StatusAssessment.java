package org.duban.app.supervision.status;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.duban.api.indicator.IndicatorView;
import org.duban.api.plan.FindPlanTree;
import org.duban.api.plan.ListPlans;
import org.duban.api.plan.PlanStatus;
import org.duban.api.plan.PlanSummary;
import org.duban.api.plan.PlanTree;
import org.duban.api.supervision.AssessIndicatorStatus;
import org.duban.api.supervision.AssessTaskStatus;
import org.duban.api.supervision.FindOpenCaseGrades;
import org.duban.api.supervision.OpenCaseGrades;
import org.duban.api.task.TaskView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;

/**
 * Judges the on-schedule status of the tasks and indicators of the plans in execution: all of them each morning
 * ({@link DailyStatusAssessment}), and one task or indicator right after an event that changes its picture
 * ({@link StatusTriggers}), in that event's transaction. The aggregates decide; a status that stays the same records
 * nothing.
 */
@Component
public class StatusAssessment {
    private static final Logger log = LoggerFactory.getLogger(StatusAssessment.class);
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final TransactionTemplate transaction;
    private final StatusRulesProperties rules;

    StatusAssessment(CommandGateway commands, QueryGateway queries, TransactionTemplate transaction,
                     StatusRulesProperties rules) {
        this.commands = commands;
        this.queries = queries;
        this.transaction = transaction;
        this.rules = rules;
    }

    /** What a run over the plans changed. */
    public record Run(int plans, int tasksChanged, int indicatorsChanged) {
    }

    /**
     * Every task and indicator of every published plan or plan in execution, each plan in a transaction of its own
     * (its cases read once for all its tasks); a plan that fails is logged and does not keep the others from being
     * assessed.
     */
    public Run assessAll(LocalDate day) {
        int plans = 0;
        int tasks = 0;
        int indicators = 0;
        for (PlanSummary plan : queries.query(new ListPlans(), ResponseTypes.multipleInstancesOf(PlanSummary.class))
                .join()) {
            if (plan.status() != PlanStatus.PUBLISHED && plan.status() != PlanStatus.IN_EXECUTION) {
                continue;
            }
            try {
                int[] changed = transaction.execute(status -> assessPlan(plan.planId(), day));
                plans++;
                tasks += changed[0];
                indicators += changed[1];
            } catch (RuntimeException e) {
                log.warn("the status of plan {} could not be assessed", plan.planId(), e);
            }
        }
        return new Run(plans, tasks, indicators);
    }

    private int[] assessPlan(String planId, LocalDate day) {
        PlanTree tree = queries.query(new FindPlanTree(planId), ResponseTypes.optionalInstanceOf(PlanTree.class)).join()
                .orElseThrow(() -> new IllegalStateException("plan " + planId + " has no tree"));
        OpenCaseGrades cases = openCases(planId);
        int tasks = 0;
        for (TaskView task : tree.allTasks()) {
            if (assessTask(task.taskId(), day, cases)) {
                tasks++;
            }
        }
        int indicators = 0;
        for (IndicatorView indicator : tree.indicators()) {
            if (assessIndicator(indicator.indicatorId(), day)) {
                indicators++;
            }
        }
        return new int[]{tasks, indicators};
    }

    OpenCaseGrades openCases(String planId) {
        return queries.query(new FindOpenCaseGrades(planId), ResponseTypes.instanceOf(OpenCaseGrades.class)).join();
    }

    /** Answers whether the task's status changed. */
    boolean assessTask(String taskId, LocalDate day, OpenCaseGrades cases) {
        return Boolean.TRUE.equals(commands.sendAndWait(new AssessTaskStatus(taskId, day, cases.of(taskId),
                rules.rules())));
    }

    /** Answers whether the indicator's status changed. */
    boolean assessIndicator(String indicatorId, LocalDate day) {
        return Boolean.TRUE.equals(commands.sendAndWait(new AssessIndicatorStatus(indicatorId, day, rules.rules())));
    }

}
