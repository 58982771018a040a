package org.duban.process.supervision;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.duban.api.CommandRefused;
import org.duban.api.reporting.EvidenceRef;
import org.duban.api.supervision.EscalateSupervisionCase;
import org.duban.api.supervision.NoticeGrade;
import org.duban.api.supervision.RequestCaseExtension;
import org.duban.api.supervision.SubmitRectificationPlan;
import org.duban.api.supervision.SubmitRectificationResult;
import org.duban.process.StepNotWaiting;
import org.duban.process.WorkflowClock;
import org.duban.process.WorkflowCommands;
import org.duban.process.calendar.WorkingDays;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code supervision-case} process of one case (business key: the case id): the unit answers the notice with a
 * plan (escalated a grade each time its answer day passes, until listed supervision), carries it out and submits the
 * result, which the supervisors close out or send back; while rectifying the unit may ask for an extension, which the
 * supervisors decide. Each step is taken here in one transaction, sending its command with the process instance and
 * user task in its metadata (the unit's steps) or from the step's listener (the supervisors', {@link SupervisionCaseSteps}).
 */
@Component
public class SupervisionCases {
    public static final String PROCESS_KEY = "supervision-case";
    public static final String ANSWER = "answerNotice";
    public static final String ANSWER_LISTED = "answerListedNotice";
    public static final String CARRY_OUT = "carryOut";
    public static final String VERIFY = "verifyRectification";
    public static final String DECIDE_EXTENSION = "decideExtension";
    static final String EXTENSION_REQUESTED = "caseExtensionRequested";
    public static final String CASE_ID = "caseId";
    public static final String UNIT_ID = "unitId";
    static final String GRADE = "grade";
    /** the answer day, the unit's steps' due date */
    static final String ANSWER_BY = "answerBy";
    /** when the unanswered notice escalates: the first moment after the answer day */
    static final String ESCALATE_AT = "escalateAt";
    /** the rectification deadline in force, the carrying out's due date */
    static final String DEADLINE = "deadline";
    /** when the rectification is late: the first moment after the deadline */
    static final String LATE_AT = "lateAt";
    public static final String EXTENSION_ID = "extensionId";
    static final String EXTENSION_UNTIL = "extensionUntil";
    static final String CLOSED_OUT = "closedOut";
    static final String APPROVED = "approved";
    // transient: they live only in the completing transaction
    static final String REASON = "reason";
    static final String RECORDED = "recordedInDuban";

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final WorkflowCommands commands;
    private final WorkingDays workingDays;
    private final int answerWithin;

    public SupervisionCases(RuntimeService runtime, TaskService tasks, WorkflowCommands commands,
                            WorkingDays workingDays,
                            @Value("${duban.supervision.answer-working-days:5}") int answerWithin) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.commands = commands;
        this.workingDays = workingDays;
        this.answerWithin = answerWithin;
    }

    /** The answer day of a notice issued or escalated today: the configured number of working days on. */
    public LocalDate answerDay() {
        return workingDays.plus(WorkflowClock.today(), answerWithin);
    }

    /** Starts the case's process when its notice is issued, in the issuing transaction. */
    public void start(String caseId, String unitId, NoticeGrade grade, LocalDate answerBy) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(CASE_ID, caseId);
        variables.put(UNIT_ID, unitId);
        variables.put(GRADE, grade.name());
        variables.putAll(answerDayVariables(answerBy));
        runtime.startProcessInstanceByKey(PROCESS_KEY, caseId, variables);
    }

    Map<String, Object> answerDayVariables(LocalDate answerBy) {
        return Map.of(ANSWER_BY, WorkflowClock.startOf(answerBy),
                ESCALATE_AT, WorkflowClock.startOf(workingDays.plus(answerBy, 1)));
    }

    /** The unit answers the notice with its rectification plan and deadline. */
    @Transactional
    public void submitPlan(String caseId, String unitId, String plan, LocalDate deadline) {
        Task step = waiting(steps(caseId).taskDefinitionKeyIn(ANSWER, ANSWER_LISTED).taskCandidateGroup(unitId),
                "answer", caseId);
        commands.send(new SubmitRectificationPlan(caseId, unitId, plan, deadline), step.getProcessInstanceId(), step.getId());
        runtime.setVariables(step.getProcessInstanceId(), deadlineVariables(deadline));
        complete(step);
    }

    static Map<String, Object> deadlineVariables(LocalDate deadline) {
        return Map.of(DEADLINE, WorkflowClock.startOf(deadline), LATE_AT, WorkflowClock.startOf(deadline.plusDays(1)));
    }

    /** The unit submits what it did, with its evidence, for verification. */
    @Transactional
    public void submitResult(String caseId, String unitId, String result, List<EvidenceRef> evidence) {
        Task step = waiting(steps(caseId).taskDefinitionKey(CARRY_OUT).taskCandidateGroup(unitId), "rectification", caseId);
        commands.send(new SubmitRectificationResult(caseId, unitId, result, evidence), step.getProcessInstanceId(),
                step.getId());
        complete(step);
    }

    /**
     * The unit asks for more time while rectifying; the rectification waits for the supervisors' decision. Answers the
     * id of the extension.
     */
    @Transactional
    public String requestExtension(String caseId, String unitId, LocalDate until, String reason) {
        Task step = waiting(steps(caseId).taskDefinitionKey(CARRY_OUT).taskCandidateGroup(unitId), "rectification", caseId);
        String extensionId = UUID.randomUUID().toString();
        commands.send(new RequestCaseExtension(caseId, unitId, extensionId, until, reason, WorkflowClock.today()),
                step.getProcessInstanceId(), step.getId());
        runtime.createMessageCorrelation(EXTENSION_REQUESTED).processInstanceId(step.getProcessInstanceId())
                .setVariable(EXTENSION_ID, extensionId)
                .setVariable(EXTENSION_UNTIL, WorkflowClock.startOf(until))
                .correlate();
        return extensionId;
    }

    /** A supervisor approves or refuses the pending extension; the step's listener sends the decision. */
    @Transactional
    public void decideExtension(String caseId, String extensionId, boolean approved, String reason) {
        Task step = waiting(steps(caseId).taskDefinitionKey(DECIDE_EXTENSION), "extension decision", caseId);
        if (!extensionId.equals(tasks.getVariable(step.getId(), EXTENSION_ID))) {
            throw new CommandRefused("case.no-extension", "case " + caseId + " has no pending extension " + extensionId);
        }
        tasks.complete(step.getId(), Variables.createVariables().putValue(APPROVED, approved)
                .putValueTyped(REASON, Variables.stringValue(reason, true)));
    }

    /** A supervisor closes out the verified case (销号) or sends the result back with the reason. */
    @Transactional
    public void verify(String caseId, boolean closedOut, String reason) {
        Task step = waiting(steps(caseId).taskDefinitionKey(VERIFY), "verification", caseId);
        tasks.complete(step.getId(), Variables.createVariables().putValue(CLOSED_OUT, closedOut)
                .putValueTyped(REASON, Variables.stringValue(reason, true)));
    }

    /**
     * A supervisor raises the grade by hand, with a reason and a new answer day; the next unanswered day escalates
     * from there. Answers whether the grade rose (listed supervision stays).
     */
    @Transactional
    public boolean escalate(String caseId, String reason) {
        ProcessInstance process = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(caseId).singleResult();
        Boolean escalated = commands.send(new EscalateSupervisionCase(caseId, reason, answerDay()),
                process == null ? null : process.getId(), null);
        if (process != null && Boolean.TRUE.equals(escalated)) {
            String grade = (String) runtime.getVariable(process.getId(), GRADE);
            runtime.setVariable(process.getId(), GRADE, NoticeGrade.valueOf(grade).next().name());
        }
        return Boolean.TRUE.equals(escalated);
    }

    private TaskQuery steps(String caseId) {
        return tasks.createTaskQuery().processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(caseId);
    }

    private static Task waiting(TaskQuery query, String what, String caseId) {
        return query.list().stream().findFirst().orElseThrow(() -> new CommandRefused(StepNotWaiting.CODE,
                "no " + what + " of supervision case " + caseId + " is waiting"));
    }

    /** Completes a unit's step whose command is sent, telling its listener so. */
    private void complete(Task step) {
        VariableMap recorded = Variables.createVariables().putValueTyped(RECORDED, Variables.booleanValue(true, true));
        tasks.complete(step.getId(), recorded);
    }
}
