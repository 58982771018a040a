package org.duban.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** A user task's {@code complete} listener that records the step by sending a command in the same transaction. */
public abstract class StepListener implements TaskListener {
    private final WorkflowCommands commands;

    protected StepListener(WorkflowCommands commands) {
        this.commands = commands;
    }

    protected <R> R send(DelegateTask step, Object command) {
        // a user completing the step in Camunda's own Tasklist is known only to the engine
        Authentication engineUser = step.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return commands.send(command, step.getProcessInstanceId(), step.getId(),
                engineUser == null ? null : engineUser.getUserId());
    }
}
