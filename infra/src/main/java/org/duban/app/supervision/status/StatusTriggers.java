package org.duban.app.supervision.status;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.duban.api.indicator.IndicatorTargetAdjusted;
import org.duban.api.indicator.IndicatorValueRecorded;
import org.duban.api.indicator.IndicatorView;
import org.duban.api.indicator.RecordIndicatorValue;
import org.duban.api.indicator.ValueSource;
import org.duban.api.plan.FindPlanTree;
import org.duban.api.plan.PlanTree;
import org.duban.api.reporting.IndicatorValue;
import org.duban.api.reporting.ReportAccepted;
import org.duban.api.reporting.ReportContent;
import org.duban.api.reporting.ReportMarkedOverdue;
import org.duban.api.reporting.ReportReturned;
import org.duban.api.supervision.OpenCaseGrades;
import org.duban.api.supervision.SupervisionCaseClosedOut;
import org.duban.api.supervision.SupervisionCaseEscalated;
import org.duban.api.supervision.SupervisionNoticeIssued;
import org.duban.api.task.FindTaskDetail;
import org.duban.api.task.FindTaskSummaries;
import org.duban.api.task.TaskDetail;
import org.duban.api.task.TaskDueDateAdjusted;
import org.duban.api.task.TaskSummary;
import org.duban.process.WorkflowClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reassesses the one task or indicator an event concerns, in the transaction of that event, so that a status never
 * lags the fact that changed it: a report accepted (after recording the indicator values it carries), returned or
 * overdue, a due date or target adjusted, a value recorded, and a supervision case issued, escalated or closed out.
 * Not a projection: it is never replayed (see RebuildCatalog).
 */
@Component
@ProcessingGroup(StatusTriggers.PROCESSING_GROUP)
class StatusTriggers {
    static final String PROCESSING_GROUP = "supervision-status";
    private static final Logger log = LoggerFactory.getLogger(StatusTriggers.class);

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final StatusAssessment assessment;

    StatusTriggers(CommandGateway commands, QueryGateway queries, StatusAssessment assessment) {
        this.commands = commands;
        this.queries = queries;
        this.assessment = assessment;
    }

    /**
     * Each indicator value of the accepted round is recorded as the report's, with the task and the report's
     * evidence; a value for an indicator that is not the plan's is left out (the report form offers only the plan's).
     */
    @EventHandler
    void on(ReportAccepted event) {
        TaskDetail detail = queries.query(new FindTaskDetail(event.taskId()),
                ResponseTypes.optionalInstanceOf(TaskDetail.class)).join().orElseThrow(() ->
                new IllegalStateException("accepted task " + event.taskId() + " has no detail"));
        String planId = detail.summary().planId();
        acceptedContent(detail, event).ifPresent(content -> {
            if (content.indicatorValues().isEmpty()) {
                return;
            }
            Set<String> indicators = planIndicators(planId);
            for (IndicatorValue value : content.indicatorValues()) {
                if (!indicators.contains(value.indicatorId())) {
                    log.warn("the {} report of task {} gives a value for indicator {}, which is not one of plan {}'s",
                            event.periodKey(), event.taskId(), value.indicatorId(), planId);
                    continue;
                }
                commands.sendAndWait(new RecordIndicatorValue(value.indicatorId(), event.periodKey(), value.value(),
                        ValueSource.REPORT, event.taskId(), content.evidence(), null));
            }
        });
        assessTask(event.taskId(), planId);
    }

    private static Optional<ReportContent> acceptedContent(TaskDetail detail, ReportAccepted event) {
        return detail.reports().stream().filter(report -> report.periodKey().equals(event.periodKey()))
                .flatMap(report -> report.rounds().stream()).filter(round -> round.round() == event.round())
                .map(TaskDetail.Round::content).filter(Objects::nonNull).findFirst();
    }

    private Set<String> planIndicators(String planId) {
        return queries.query(new FindPlanTree(planId), ResponseTypes.optionalInstanceOf(PlanTree.class)).join()
                .map(tree -> tree.indicators().stream().map(IndicatorView::indicatorId).collect(Collectors.toSet()))
                .orElse(Set.of());
    }

    @EventHandler
    void on(ReportReturned event) {
        assessTask(event.taskId(), null);
    }

    @EventHandler
    void on(ReportMarkedOverdue event) {
        assessTask(event.taskId(), null);
    }

    @EventHandler
    void on(TaskDueDateAdjusted event) {
        assessTask(event.taskId(), event.planId());
    }

    @EventHandler
    void on(IndicatorValueRecorded event) {
        assessment.assessIndicator(event.indicatorId(), WorkflowClock.today());
    }

    @EventHandler
    void on(IndicatorTargetAdjusted event) {
        assessment.assessIndicator(event.indicatorId(), WorkflowClock.today());
    }

    // The case view may be updated before or after this handler runs: the case the event concerns is taken from the
    // event itself, the others from the view.

    @EventHandler
    void on(SupervisionNoticeIssued event) {
        if (event.item().taskId() == null) {
            return;
        }
        OpenCaseGrades cases = assessment.openCases(event.planId()).with(new OpenCaseGrades.Case(event.caseId(),
                event.item().taskId(), event.grade(), true));
        assessment.assessTask(event.item().taskId(), WorkflowClock.today(), cases);
    }

    @EventHandler
    void on(SupervisionCaseEscalated event) {
        OpenCaseGrades cases = assessment.openCases(event.planId());
        String taskId = cases.taskOf(event.caseId());
        if (taskId != null) {
            assessment.assessTask(taskId, WorkflowClock.today(),
                    cases.with(new OpenCaseGrades.Case(event.caseId(), taskId, event.toGrade(), true)));
        }
    }

    @EventHandler
    void on(SupervisionCaseClosedOut event) {
        OpenCaseGrades cases = assessment.openCases(event.planId());
        String taskId = cases.taskOf(event.caseId());
        if (taskId != null) {
            OpenCaseGrades.Case closed = cases.cases().stream().filter(c -> c.caseId().equals(event.caseId()))
                    .findFirst().orElseThrow();
            assessment.assessTask(taskId, WorkflowClock.today(),
                    cases.with(new OpenCaseGrades.Case(event.caseId(), taskId, closed.grade(), false)));
        }
    }

    private void assessTask(String taskId, String planId) {
        String plan = planId != null ? planId : queries.query(new FindTaskSummaries(List.of(taskId)),
                        ResponseTypes.multipleInstancesOf(TaskSummary.class)).join().stream().findFirst()
                .map(TaskSummary::planId).orElse(null);
        if (plan == null) {
            return;
        }
        assessment.assessTask(taskId, WorkflowClock.today(), assessment.openCases(plan));
    }
}
