package org.duban.process.evaluation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.duban.api.ChineseQuotes;
import org.duban.api.evaluation.CloseScoring;
import org.duban.api.evaluation.CloseSelfAssessment;
import org.duban.api.evaluation.Grade;
import org.duban.api.evaluation.ItemKind;
import org.duban.api.evaluation.MarkScoringOverdue;
import org.duban.api.evaluation.MarkSelfAssessmentOverdue;
import org.duban.api.evaluation.RemindEvaluator;
import org.duban.api.evaluation.RemindSelfAssessment;
import org.duban.api.supervision.CaseTrigger;
import org.duban.api.supervision.IssueSupervisionNotice;
import org.duban.api.supervision.NoticeGrade;
import org.duban.api.supervision.SupervisedItem;
import org.duban.api.unit.UnitRef;
import org.duban.process.WorkflowCommands;
import org.duban.process.supervision.SupervisionCases;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import static org.duban.process.evaluation.EvaluationRounds.*;

/**
 * The service steps of {@code evaluation-round}: the reminders and overdue marks of those not in yet (the round answers
 * false, recording nothing, for anyone in meanwhile), the closing of the two timed phases, sent as the system, and the
 * supervision notices of the low scores.
 */
@Configuration(proxyBeanMethods = false)
public class RoundTimers {
    public static final String SELF_ASSESSMENT_REMINDER = "selfAssessmentReminder";
    public static final String SELF_ASSESSMENT_OVERDUE = "selfAssessmentOverdue";
    public static final String SELF_ASSESSMENT_CLOSING = "selfAssessmentClosing";
    public static final String SCORING_REMINDER = "scoringReminder";
    public static final String SCORING_OVERDUE = "scoringOverdue";
    public static final String SCORING_CLOSING = "scoringClosing";
    public static final String NOTICES = "evaluationNotices";

    @Bean(SELF_ASSESSMENT_REMINDER)
    static JavaDelegate selfAssessmentReminder(WorkflowCommands commands) {
        return execution -> eachWaiting(execution, SELF_ASSESS, UNIT_ID, unitId ->
                commands.send(new RemindSelfAssessment(roundId(execution), unitId), execution.getProcessInstanceId(),
                        execution.getCurrentActivityId()));
    }

    @Bean(SELF_ASSESSMENT_OVERDUE)
    static JavaDelegate selfAssessmentOverdue(WorkflowCommands commands) {
        return execution -> eachWaiting(execution, SELF_ASSESS, UNIT_ID, unitId ->
                commands.send(new MarkSelfAssessmentOverdue(roundId(execution), unitId), execution.getProcessInstanceId(),
                        execution.getCurrentActivityId()));
    }

    /** Every unit is in, or the phase's deadline passed: the process closes it, as the system. */
    @Bean(SELF_ASSESSMENT_CLOSING)
    static JavaDelegate selfAssessmentClosing(WorkflowCommands commands) {
        return execution -> commands.sendAsSystem(new CloseSelfAssessment(roundId(execution), null),
                execution.getProcessInstanceId(), execution.getCurrentActivityId());
    }

    @Bean(SCORING_REMINDER)
    static JavaDelegate scoringReminder(WorkflowCommands commands) {
        return execution -> eachWaiting(execution, SCORE, EVALUATOR, evaluator ->
                commands.send(new RemindEvaluator(roundId(execution), evaluator), execution.getProcessInstanceId(),
                        execution.getCurrentActivityId()));
    }

    @Bean(SCORING_OVERDUE)
    static JavaDelegate scoringOverdue(WorkflowCommands commands) {
        return execution -> eachWaiting(execution, SCORE, EVALUATOR, evaluator ->
                commands.send(new MarkScoringOverdue(roundId(execution), evaluator), execution.getProcessInstanceId(),
                        execution.getCurrentActivityId()));
    }

    /**
     * Every evaluator is in, or the deadline passed: the process closes scoring, as the system. The round's
     * ScoringClosed tells the process whether to reconcile ({@link RoundEvents}).
     */
    @Bean(SCORING_CLOSING)
    static JavaDelegate scoringClosing(WorkflowCommands commands) {
        return execution -> commands.sendAsSystem(new CloseScoring(roundId(execution), null),
                execution.getProcessInstanceId(), execution.getCurrentActivityId());
    }

    /**
     * Use of results: a notice (grade {@code duban.evaluation.notice-grade}, answered within the supervision's answer
     * days) on each published item whose grade opens one, under an id made of the round and the item, so that it
     * is never issued twice. Issued as the system, as the supervision rules issue theirs: the publication caused it.
     */
    @Bean(NOTICES)
    static JavaDelegate evaluationNotices(WorkflowCommands commands, SupervisionCases cases,
                                          @Value("${duban.evaluation.notice-grade:NOTICE}") NoticeGrade grade) {
        return execution -> {
            @SuppressWarnings("unchecked")
            List<String> items = (List<String>) execution.getVariable(NOTICE_ITEMS);
            if (items == null) {
                return;
            }
            String roundId = roundId(execution);
            for (String encoded : items) {
                NoticeItem item = NoticeItem.decoded(encoded);
                SupervisedItem supervised = item.kind() == ItemKind.TASK ? SupervisedItem.task(item.itemId())
                        : SupervisedItem.indicator(item.itemId());
                commands.sendAsSystem(new IssueSupervisionNotice(caseId(roundId, item.itemId()),
                                (String) execution.getVariable(PLAN_ID), (String) execution.getVariable(OFFICE),
                                supervised, new UnitRef(item.unitId(), item.unitName()), grade, CaseTrigger.EVALUATION,
                                reason((String) execution.getVariable(TITLE), item), cases.answerDay()),
                        execution.getProcessInstanceId(), execution.getCurrentActivityId());
            }
        };
    }

    /** The reason on the notice, in the offices' language (the notice's reader is the unit). */
    static String reason(String title, NoticeItem item) {
        return "在" + ChineseQuotes.quoted(title) + "中，该项得分" + item.score().toPlainString() + "分，评定为" + GRADE_NAMES.apply(item.grade())
                + "，按评估结果运用要求督办整改。";
    }

    private static final Function<Grade, String> GRADE_NAMES = grade -> switch (grade) {
        case EXCELLENT -> "优";
        case GOOD -> "良";
        case FAIR -> "中";
        case POOR -> "差";
    };

    /** The round and the item; a name-based UUID when that is longer than an id may be. */
    static String caseId(String roundId, String itemId) {
        String id = "evaluation:" + roundId + ":" + itemId;
        return id.length() <= 100 && id.chars().noneMatch(Character::isWhitespace) ? id
                : UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String roundId(DelegateExecution execution) {
        return (String) execution.getVariable(ROUND_ID);
    }

    /** Each unit or evaluator whose step still waits, by the step's own element variable. */
    private static void eachWaiting(DelegateExecution execution, String stepKey, String variable,
                                    java.util.function.Consumer<String> action) {
        var tasks = execution.getProcessEngineServices().getTaskService();
        for (Task step : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(stepKey).list()) {
            action.accept((String) tasks.getVariable(step.getId(), variable));
        }
    }
}
