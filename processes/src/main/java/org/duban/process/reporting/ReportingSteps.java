package org.duban.process.reporting;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.duban.api.reporting.AcceptReport;
import org.duban.api.reporting.RemindReport;
import org.duban.api.reporting.ReturnReport;
import org.duban.process.StepListener;
import org.duban.process.WorkflowCommands;
import org.springframework.stereotype.Component;

import static org.duban.process.reporting.ProgressReporting.*;

/**
 * Completing a step of {@code progress-report} records it: a review or an escalation sends its command here, and a
 * refusal rolls the completion back. Contributions and reports carry content only Duban takes
 * ({@link ProgressReporting} sends their command before completing them), so completing one elsewhere is refused.
 */
@Component(ReportingSteps.BEAN)
public class ReportingSteps extends StepListener {
    public static final String BEAN = "reportingSteps";

    public ReportingSteps(WorkflowCommands commands) {
        super(commands);
    }

    @Override
    public void notify(DelegateTask step) {
        String taskId = (String) step.getVariable(TASK_ID);
        String period = (String) step.getVariable(PERIOD);
        String reason = (String) step.getVariable(REASON);
        switch (step.getTaskDefinitionKey()) {
            case CONTRIBUTE, WRITE -> requireRecorded(step);
            case REVIEW -> send(step, Boolean.TRUE.equals(step.getVariable(ACCEPTED))
                    ? new AcceptReport(taskId, period, reason) : new ReturnReport(taskId, period, reason));
            case ESCALATION -> send(step, new RemindReport(taskId, period, reason));
            default -> throw new IllegalStateException("no command for step " + step.getTaskDefinitionKey());
        }
    }

    private static void requireRecorded(DelegateTask step) {
        if (!Boolean.TRUE.equals(step.getVariable(RECORDED))) {
            throw new IllegalStateException("step \"" + step.getName() + "\" must be completed in Duban, which records "
                    + "what it says; it cannot be completed without its content");
        }
    }
}
