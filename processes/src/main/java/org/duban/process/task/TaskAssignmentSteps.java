package org.duban.process.task;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.duban.api.task.AcknowledgeTask;
import org.duban.api.task.ConfirmCoUnitPart;
import org.duban.api.task.AdjustmentKind;
import org.duban.api.task.ApproveTaskAdjustment;
import org.duban.api.task.RejectTaskAdjustment;
import org.duban.api.task.RequestTaskAdjustment;
import org.duban.process.StepListener;
import org.duban.process.WorkflowCommands;
import org.springframework.stereotype.Component;

import java.util.Objects;

import static org.duban.process.task.TaskAssignment.*;

/** Completing a step of {@code task-assignment} sends the command that records it; a refusal rolls the step back. */
@Component(TaskAssignmentSteps.BEAN)
public class TaskAssignmentSteps extends StepListener {
    public static final String BEAN = "taskAssignmentSteps";

    public TaskAssignmentSteps(WorkflowCommands commands) {
        super(commands);
    }

    @Override
    public void notify(DelegateTask step) {
        String taskId = (String) step.getVariable(TASK_ID);
        switch (step.getTaskDefinitionKey()) {
            case ACKNOWLEDGE -> {
                String unitId = (String) step.getVariable(ACTOR_UNIT_ID);
                if (ADJUSTMENT.equals(step.getVariable(OUTCOME))) {
                    String kind = (String) step.getVariable(KIND);
                    send(step, new RequestTaskAdjustment(taskId, unitId, (String) step.getVariable(ADJUSTMENT_ID),
                            kind == null ? null : AdjustmentKind.valueOf(kind), (String) step.getVariable(PROPOSAL),
                            (String) step.getVariable(REASON)));
                } else {
                    send(step, new AcknowledgeTask(taskId, unitId));
                }
            }
            case DECIDE -> {
                String adjustmentId = (String) step.getVariable(ADJUSTMENT_ID);
                String reason = (String) step.getVariable(REASON);
                if (Boolean.TRUE.equals(step.getVariable(APPROVED))) {
                    // an approved change of units sends the acknowledgement to the new lead unit
                    String leadUnitId = send(step, new ApproveTaskAdjustment(taskId, adjustmentId, reason));
                    step.getExecution().setVariable(LEAD_UNIT_ID, Objects.requireNonNull(leadUnitId, "lead unit id"));
                } else {
                    send(step, new RejectTaskAdjustment(taskId, adjustmentId, reason));
                }
            }
            case CONFIRM_PART -> send(step, new ConfirmCoUnitPart(taskId, (String) step.getVariable(CO_UNIT_ID)));
            default -> throw new IllegalStateException("no command for step " + step.getTaskDefinitionKey());
        }
    }
}
