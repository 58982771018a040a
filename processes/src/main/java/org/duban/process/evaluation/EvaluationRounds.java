package org.duban.process.evaluation;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.Variables;
import org.duban.api.CommandRefused;
import org.duban.api.evaluation.AppointEvaluator;
import org.duban.api.evaluation.CalibrateItemScore;
import org.duban.api.evaluation.CancelEvaluationRound;
import org.duban.api.evaluation.CloseEvaluationRound;
import org.duban.api.evaluation.CloseScoring;
import org.duban.api.evaluation.CloseSelfAssessment;
import org.duban.api.evaluation.CompleteReconciliation;
import org.duban.api.evaluation.CompleteScoring;
import org.duban.api.evaluation.DeclareConflictOfInterest;
import org.duban.api.evaluation.Evaluator;
import org.duban.api.evaluation.FinishCalibration;
import org.duban.api.evaluation.ItemFact;
import org.duban.api.evaluation.ItemKind;
import org.duban.api.evaluation.ItemScore;
import org.duban.api.evaluation.OpenEvaluationRound;
import org.duban.api.evaluation.PhaseDeadlines;
import org.duban.api.evaluation.PublishRoundResults;
import org.duban.api.evaluation.ReconcileItemScore;
import org.duban.api.evaluation.RoundItem;
import org.duban.api.evaluation.ScoreRoundItem;
import org.duban.api.evaluation.SelfAssessmentEntry;
import org.duban.api.evaluation.SubmitSelfAssessment;
import org.duban.api.task.AdjustmentKind;
import org.duban.process.StepNotWaiting;
import org.duban.process.WorkflowClock;
import org.duban.process.WorkflowCommands;
import org.duban.process.adjustment.Adjustments;
import org.duban.process.calendar.WorkingDays;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The {@code evaluation-round} process of one round (business key: the round id): the units' self-assessments, the
 * evaluators' scoring (each with a reminder, an overdue mark and a closing deadline), reconciliation when evaluators
 * differ, calibration, publication, the use of its results and the close; a round may be cancelled before publication.
 * <p>
 * Each method takes one act of the round in one transaction: it finds the waiting step (or refuses with
 * {@link StepNotWaiting#CODE}), sends the command with the process instance and the step in its metadata, and completes
 * the step where the act ends it. The round's aggregate decides everything else; its refusals roll the act back.
 */
@Component
public class EvaluationRounds {
    public static final String PROCESS_KEY = "evaluation-round";
    public static final String SELF_ASSESS = "selfAssess";
    public static final String SCORE = "scoreRound";
    public static final String RECONCILE = "reconcileScores";
    public static final String CALIBRATE = "calibrateScores";
    public static final String PUBLISH = "publishResults";
    public static final String FOLLOW_UP = "followUpResults";
    static final String SELF_ASSESSMENT_CLOSED = "selfAssessmentClosedByHand";
    static final String SCORING_CLOSED = "scoringClosedByHand";
    static final String ROUND_CANCELLED = "evaluationRoundCancelled";
    public static final String ROUND_ID = "roundId";
    static final String PLAN_ID = "planId";
    static final String OFFICE = "office";
    static final String TITLE = "title";
    static final String UNIT_IDS = "unitIds";
    /** the unit of one self-assessment step (the multi-instance's element) */
    public static final String UNIT_ID = "unitId";
    static final String EVALUATORS = "evaluators";
    /** the evaluator of one scoring step (the multi-instance's element) */
    public static final String EVALUATOR = "evaluator";
    static final String NOTICE_AT_OR_BELOW = "noticeAtOrBelow";
    /** set from ScoringClosed: whether any item is to be reconciled */
    static final String RECONCILE_ITEMS = "reconcile";
    /** set from RoundResultsPublished: the items whose grade opens a supervision notice ({@link NoticeItem}) */
    static final String NOTICE_ITEMS = "noticeItems";
    // transient: it lives only in the completing transaction
    static final String RECORDED = "recordedInDuban";

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final WorkflowCommands commands;
    private final WorkingDays workingDays;
    private final Adjustments adjustments;
    private final int remindBefore;
    private final int lateDays;

    /**
     * @param remindBefore working days before a phase's due day on which those not in yet are reminded
     * @param lateDays     working days after the due day in which a late self-assessment or score is still taken;
     *                     the phase closes by itself when the next working day begins
     */
    public EvaluationRounds(RuntimeService runtime, TaskService tasks, WorkflowCommands commands,
                            WorkingDays workingDays, Adjustments adjustments,
                            @Value("${duban.evaluation.remind-working-days:2}") int remindBefore,
                            @Value("${duban.evaluation.late-working-days:3}") int lateDays) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.commands = commands;
        this.workingDays = workingDays;
        this.adjustments = adjustments;
        this.remindBefore = remindBefore;
        this.lateDays = lateDays;
    }

    /** A supervisor opens the round; the process starts in the same transaction. Answers the round id. */
    @Transactional
    public String open(OpenEvaluationRound command) {
        commands.send(command, null, null);
        Map<String, Object> variables = new HashMap<>();
        variables.put(ROUND_ID, command.roundId());
        variables.put(PLAN_ID, command.planId());
        variables.put(OFFICE, command.office());
        variables.put(TITLE, command.title());
        variables.put(UNIT_IDS, new ArrayList<>(new LinkedHashSet<>(command.items().stream()
                .map(item -> item.unit().unitId()).toList())));
        variables.put(EVALUATORS, new ArrayList<>(command.evaluators().stream().map(Evaluator::username).toList()));
        variables.put(NOTICE_AT_OR_BELOW, command.scheme().noticeAtOrBelow().name());
        variables.put(RECONCILE_ITEMS, false);
        variables.putAll(dueDates(command.deadlines()));
        runtime.startProcessInstanceByKey(PROCESS_KEY, command.roundId(), variables);
        return command.roundId();
    }

    /** The due dates and timers of the phases, counted on the working-day calendar from the round's deadlines. */
    Map<String, Object> dueDates(PhaseDeadlines deadlines) {
        Map<String, Object> variables = new HashMap<>();
        phase(variables, "selfAssessment", deadlines.selfAssessmentDue());
        phase(variables, "scoring", deadlines.scoringDue());
        variables.put("calibrationDue", WorkflowClock.startOf(deadlines.calibrationDue()));
        variables.put("publicationDue", WorkflowClock.startOf(deadlines.publicationDue()));
        return variables;
    }

    private void phase(Map<String, Object> variables, String phase, LocalDate due) {
        LocalDate remindOn = workingDays.minus(due, remindBefore);
        LocalDate today = WorkflowClock.today();
        variables.put(phase + "Due", WorkflowClock.startOf(due));
        variables.put(phase + "RemindAt", WorkflowClock.startOf(remindOn.isBefore(today) ? today : remindOn));
        variables.put(phase + "OverdueAt", WorkflowClock.startOf(workingDays.plus(due, 1)));
        variables.put(phase + "CloseAt", WorkflowClock.startOf(workingDays.plus(due, lateDays + 1)));
    }

    /**
     * Adds an evaluator before scoring closes: during self-assessment they are among those scoring starts with;
     * during scoring their own step opens at once.
     */
    @Transactional
    public void appointEvaluator(String roundId, Evaluator evaluator) {
        ProcessInstance process = running(roundId);
        commands.send(new AppointEvaluator(roundId, evaluator), process.getId(), null);
        @SuppressWarnings("unchecked")
        List<String> evaluators = new ArrayList<>((List<String>) runtime.getVariable(process.getId(), EVALUATORS));
        if (evaluators.contains(evaluator.username())) {
            return;
        }
        evaluators.add(evaluator.username());
        runtime.setVariable(process.getId(), EVALUATORS, evaluators);
        ActivityInstance scoring = scoringBody(runtime.getActivityInstance(process.getId()));
        if (scoring != null) {
            runtime.createProcessInstanceModification(process.getId())
                    .startBeforeActivity(SCORE, scoring.getId()).setVariableLocal(EVALUATOR, evaluator.username())
                    .execute();
        }
    }

    private static ActivityInstance scoringBody(ActivityInstance instance) {
        if (instance == null) {
            return null;
        }
        if ((SCORE + "#multiInstanceBody").equals(instance.getActivityId())) {
            return instance;
        }
        for (ActivityInstance child : instance.getChildActivityInstances()) {
            ActivityInstance found = scoringBody(child);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** A unit submits its self-assessment; the last unit's ends the phase, which the process then closes. */
    @Transactional
    public void submitSelfAssessment(String roundId, String unitId, List<SelfAssessmentEntry> entries) {
        Task step = waiting(steps(roundId, SELF_ASSESS).taskCandidateGroup(unitId), "self-assessment of your unit",
                roundId);
        record(step, new SubmitSelfAssessment(roundId, unitId, entries));
    }

    /** A supervisor ends the self-assessment without the units still missing, with the reason; scoring begins. */
    @Transactional
    public void closeSelfAssessment(String roundId, String reason) {
        Task step = waiting(steps(roundId, SELF_ASSESS), "self-assessment", roundId);
        commands.send(new CloseSelfAssessment(roundId, reason), step.getProcessInstanceId(), null);
        runtime.createMessageCorrelation(SELF_ASSESSMENT_CLOSED).processInstanceId(step.getProcessInstanceId())
                .correlate();
    }

    /** An evaluator declares a conflict of interest with items while their scoring is open; the step stays. */
    @Transactional
    public void declareConflict(String roundId, String evaluator, List<String> itemIds, String reason) {
        Task step = scoring(roundId, evaluator);
        commands.send(new DeclareConflictOfInterest(roundId, evaluator, itemIds, reason), step.getProcessInstanceId(),
                step.getId());
    }

    /** An evaluator scores an item (again, to change it); the step stays open until they hand in. */
    @Transactional
    public void score(String roundId, String evaluator, ItemScore score) {
        Task step = scoring(roundId, evaluator);
        commands.send(new ScoreRoundItem(roundId, evaluator, score), step.getProcessInstanceId(), step.getId());
    }

    /** An evaluator hands in; the last one ends the phase, which the process then closes. */
    @Transactional
    public void completeScoring(String roundId, String evaluator) {
        record(scoring(roundId, evaluator), new CompleteScoring(roundId, evaluator));
    }

    /** A supervisor ends the scoring without the evaluators still missing, with the reason. */
    @Transactional
    public void closeScoring(String roundId, String reason) {
        Task step = waiting(steps(roundId, SCORE), "scoring", roundId);
        commands.send(new CloseScoring(roundId, reason), step.getProcessInstanceId(), null);
        runtime.createMessageCorrelation(SCORING_CLOSED).processInstanceId(step.getProcessInstanceId()).correlate();
    }

    /** A supervisor settles a divergent item's score; the step stays until reconciliation is completed. */
    @Transactional
    public void reconcile(String roundId, String itemId, BigDecimal score, String reason) {
        Task step = waiting(steps(roundId, RECONCILE), "reconciliation", roundId);
        commands.send(new ReconcileItemScore(roundId, itemId, score, reason), step.getProcessInstanceId(), step.getId());
    }

    @Transactional
    public void completeReconciliation(String roundId) {
        record(waiting(steps(roundId, RECONCILE), "reconciliation", roundId), new CompleteReconciliation(roundId));
    }

    /** A supervisor calibrates an item's score with the reason; the step stays until calibration is finished. */
    @Transactional
    public void calibrate(String roundId, String itemId, BigDecimal after, String reason) {
        Task step = waiting(steps(roundId, CALIBRATE), "calibration", roundId);
        commands.send(new CalibrateItemScore(roundId, itemId, after, reason), step.getProcessInstanceId(), step.getId());
    }

    @Transactional
    public void finishCalibration(String roundId) {
        record(waiting(steps(roundId, CALIBRATE), "calibration", roundId), new FinishCalibration(roundId));
    }

    /**
     * A supervisor publishes the results, with the facts as of the cut-off; in the same transaction each item whose
     * grade opens a notice gets a supervision notice (step {@code issueNotices}).
     */
    @Transactional
    public void publish(String roundId, List<ItemFact> facts) {
        record(waiting(steps(roundId, PUBLISH), "publication", roundId), new PublishRoundResults(roundId, facts));
    }

    /**
     * While the results are followed up, a supervisor sends an item's adjustment into the plan's adjustment process
     * ({@link Adjustments}): a task's change on its lead unit's behalf, or an indicator's target on the office's (or
     * its unit's, for a plan without an office). Answers the adjustment's id; the adjustment decides as ever.
     */
    @Transactional
    public String proposeAdjustment(String roundId, RoundItem item, AdjustmentKind kind, String proposal,
                                    String reason) {
        Task step = waiting(steps(roundId, FOLLOW_UP), "follow-up of the results", roundId);
        String planId = (String) runtime.getVariable(step.getProcessInstanceId(), PLAN_ID);
        if (item.kind() == ItemKind.TASK) {
            return adjustments.askForTaskAdjustment(item.itemId(), planId, item.unit().unitId(), kind, proposal, reason);
        }
        String office = (String) runtime.getVariable(step.getProcessInstanceId(), OFFICE);
        return adjustments.askForTargetAdjustment(item.itemId(), planId, office == null ? item.unit().unitId() : office,
                proposal, reason);
    }

    /** A supervisor closes the followed-up round; evaluator access ends with it. */
    @Transactional
    public void close(String roundId) {
        record(waiting(steps(roundId, FOLLOW_UP), "follow-up of the results", roundId), new CloseEvaluationRound(roundId));
    }

    /** A supervisor cancels the round with the reason (the round takes it only before publication). */
    @Transactional
    public void cancel(String roundId, String reason) {
        ProcessInstance process = process(roundId);
        commands.send(new CancelEvaluationRound(roundId, reason), process == null ? null : process.getId(), null);
        if (process != null) {
            runtime.createMessageCorrelation(ROUND_CANCELLED).processInstanceId(process.getId()).correlate();
        }
    }

    private ProcessInstance process(String roundId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(roundId).singleResult();
    }

    private ProcessInstance running(String roundId) {
        ProcessInstance process = process(roundId);
        if (process == null) {
            throw new CommandRefused(StepNotWaiting.CODE, "evaluation round " + roundId + " is not running");
        }
        return process;
    }

    private Task scoring(String roundId, String evaluator) {
        return waiting(steps(roundId, SCORE).taskCandidateUser(evaluator), "scoring of " + evaluator, roundId);
    }

    private TaskQuery steps(String roundId, String kind) {
        return tasks.createTaskQuery().processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(roundId)
                .taskDefinitionKey(kind);
    }

    private static Task waiting(TaskQuery query, String what, String roundId) {
        return query.list().stream().findFirst().orElseThrow(() -> new CommandRefused(StepNotWaiting.CODE,
                "no " + what + " of evaluation round " + roundId + " is waiting"));
    }

    /** Sends the act's command, then completes its step, telling the step's listener that the command is sent. */
    private void record(Task step, Object command) {
        commands.send(command, step.getProcessInstanceId(), step.getId());
        tasks.complete(step.getId(), Variables.createVariables()
                .putValueTyped(RECORDED, Variables.booleanValue(true, true)));
    }
}
