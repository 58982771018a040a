package org.duban.process.reporting;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.duban.api.reporting.AcceptReport;
import org.duban.api.reporting.RemindReport;
import org.duban.api.reporting.ReturnReport;
import org.duban.api.reporting.SubmitContribution;
import org.duban.api.reporting.SubmitReport;
import org.duban.process.WorkflowCommands;
import org.springframework.stereotype.Component;

import static org.duban.process.reporting.ProgressReporting.*;

/** Completing a step of {@code progress-report} sends the command that records it; a refusal rolls it back. */
@Component(ReportingSteps.BEAN)
public class ReportingSteps implements TaskListener {
    public static final String BEAN = "reportingSteps";

    private final WorkflowCommands commands;

    public ReportingSteps(WorkflowCommands commands) {
        this.commands = commands;
    }

    @Override
    public void notify(DelegateTask step) {
        String taskId = (String) step.getVariable(TASK_ID);
        String period = (String) step.getVariable(PERIOD);
        String reason = (String) step.getVariable(REASON);
        switch (step.getTaskDefinitionKey()) {
            case CONTRIBUTE -> commands.sendPending(step, SubmitContribution.class);
            case WRITE -> commands.sendPending(step, SubmitReport.class);
            case REVIEW -> commands.send(step, Boolean.TRUE.equals(step.getVariable(ACCEPTED))
                    ? new AcceptReport(taskId, period, reason) : new ReturnReport(taskId, period, reason));
            case ESCALATION -> commands.send(step, new RemindReport(taskId, period, reason));
            default -> throw new IllegalStateException("no command for step " + step.getTaskDefinitionKey());
        }
    }
}
