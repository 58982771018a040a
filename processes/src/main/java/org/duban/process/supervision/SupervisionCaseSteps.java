package org.duban.process.supervision;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.duban.api.supervision.ApproveCaseExtension;
import org.duban.api.supervision.CloseOutSupervisionCase;
import org.duban.api.supervision.RefuseCaseExtension;
import org.duban.api.supervision.RejectRectification;
import org.duban.process.StepListener;
import org.duban.process.WorkflowClock;
import org.duban.process.WorkflowCommands;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Date;

import static org.duban.process.supervision.SupervisionCases.*;

/**
 * Completing a step of {@code supervision-case} records it: a verification or an extension decision sends its command
 * here, and a refusal rolls the completion back. The unit's answers carry content only Duban takes
 * ({@link SupervisionCases} sends their command before completing them), so completing one elsewhere is refused.
 */
@Component(SupervisionCaseSteps.BEAN)
public class SupervisionCaseSteps extends StepListener {
    public static final String BEAN = "supervisionCaseSteps";

    public SupervisionCaseSteps(WorkflowCommands commands) {
        super(commands);
    }

    @Override
    public void notify(DelegateTask step) {
        String caseId = (String) step.getVariable(CASE_ID);
        String reason = (String) step.getVariable(REASON);
        switch (step.getTaskDefinitionKey()) {
            case ANSWER, ANSWER_LISTED, CARRY_OUT -> requireRecorded(step);
            case VERIFY -> send(step, Boolean.TRUE.equals(step.getVariable(CLOSED_OUT))
                    ? new CloseOutSupervisionCase(caseId, reason) : new RejectRectification(caseId, reason));
            case DECIDE_EXTENSION -> {
                String extensionId = (String) step.getVariable(EXTENSION_ID);
                if (Boolean.TRUE.equals(step.getVariable(APPROVED))) {
                    send(step, new ApproveCaseExtension(caseId, extensionId, reason));
                    // the rectification starts again with its deadline timer at the extended day
                    LocalDate until = LocalDate.ofInstant(((Date) step.getVariable(EXTENSION_UNTIL)).toInstant(),
                            WorkflowClock.ZONE);
                    step.getExecution().setVariables(deadlineVariables(until));
                } else {
                    send(step, new RefuseCaseExtension(caseId, extensionId, reason));
                }
            }
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
