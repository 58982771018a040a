package org.duban.process.adjustment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.api.indicator.ApproveIndicatorAdjustment;
import org.duban.api.indicator.RejectIndicatorAdjustment;
import org.duban.api.indicator.RequestIndicatorAdjustment;
import org.duban.api.task.AdjustmentKind;
import org.duban.api.task.ApproveTaskAdjustment;
import org.duban.api.task.RejectTaskAdjustment;
import org.duban.api.task.RequestTaskAdjustment;
import org.duban.process.StepListener;
import org.duban.process.WorkflowCommands;
import org.springframework.stereotype.Component;

import static org.duban.process.adjustment.Adjustments.*;

/**
 * The steps of {@code adjustment} that record something: the request (a service step right after the start) and the
 * supervisors' decision (the user task's {@code complete} listener). Each sends one command in the step's transaction;
 * a refusal rolls the step back.
 */
@Component(AdjustmentSteps.BEAN)
public class AdjustmentSteps extends StepListener {
    public static final String BEAN = "adjustmentSteps";
    public static final String REQUEST = "adjustmentRequest";

    private final WorkflowCommands commands;

    public AdjustmentSteps(WorkflowCommands commands) {
        super(commands);
        this.commands = commands;
    }

    /** The request step: the task or the indicator records the request. */
    JavaDelegate request() {
        return this::request;
    }

    private void request(DelegateExecution execution) {
        String adjustmentId = (String) execution.getVariable(ADJUSTMENT_ID);
        String unitId = (String) execution.getVariable(UNIT_ID);
        String proposal = (String) execution.getVariable(PROPOSAL);
        String reason = (String) execution.getVariable(REASON);
        Object command = switch (subject(execution.getVariable(SUBJECT))) {
            case TASK -> {
                String kind = (String) execution.getVariable(KIND);
                yield new RequestTaskAdjustment((String) execution.getVariable(TASK_ID), unitId, adjustmentId,
                        kind == null ? null : AdjustmentKind.valueOf(kind), proposal, reason);
            }
            case INDICATOR -> new RequestIndicatorAdjustment((String) execution.getVariable(INDICATOR_ID), unitId,
                    adjustmentId, proposal, reason);
        };
        commands.send(command, execution.getProcessInstanceId(), execution.getCurrentActivityId());
    }

    @Override
    public void notify(DelegateTask step) {
        Object approved = step.getVariable(APPROVED);
        if (!(approved instanceof Boolean)) {
            // completed without a decision (in Camunda's own Tasklist): the gateway could not choose a way
            throw new IllegalArgumentException("a decision on adjustment " + step.getVariable(ADJUSTMENT_ID)
                    + " says whether it is approved");
        }
        String adjustmentId = (String) step.getVariable(ADJUSTMENT_ID);
        String reason = (String) step.getVariable(REASON);
        boolean yes = (Boolean) approved;
        Object command = switch (subject(step.getVariable(SUBJECT))) {
            case TASK -> {
                String taskId = (String) step.getVariable(TASK_ID);
                yield yes ? new ApproveTaskAdjustment(taskId, adjustmentId, reason)
                        : new RejectTaskAdjustment(taskId, adjustmentId, reason);
            }
            case INDICATOR -> {
                String indicatorId = (String) step.getVariable(INDICATOR_ID);
                yield yes ? new ApproveIndicatorAdjustment(indicatorId, adjustmentId, reason,
                        (String) step.getVariable(APPROVAL_DOCUMENT))
                        : new RejectIndicatorAdjustment(indicatorId, adjustmentId, reason);
            }
        };
        send(step, command);
    }

    private static Subject subject(Object value) {
        return Subject.valueOf((String) value);
    }
}
