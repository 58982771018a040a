package org.duban.process;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.duban.api.MetadataKeys;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * The one way a workflow step dispatches a command: synchronously, inside the transaction that completes
 * the user task, so that the completion and the events it causes commit or roll back together.
 * The command carries the process instance and user task that caused it.
 */
@Component
public class WorkflowCommands {
    private static final ThreadLocal<Object> PENDING = new ThreadLocal<>();
    private final CommandGateway commandGateway;

    public WorkflowCommands(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    /**
     * Completes a step whose command the caller already built (a report with its evidence, a contribution): the
     * step's listener sends exactly that command. Same thread, same transaction, so a thread-local is enough and no
     * object has to pass through the engine's variable serialization.
     */
    public void completeWith(Object command, Runnable completion) {
        PENDING.set(command);
        try {
            completion.run();
        } finally {
            PENDING.remove();
        }
    }

    /** Sends the command the step was completed with; a step completed elsewhere (Camunda's Tasklist) is refused. */
    public <R> R sendPending(DelegateTask step, Class<?> expected) {
        Object command = PENDING.get();
        if (!expected.isInstance(command)) {
            throw new IllegalStateException("step \"" + step.getName() + "\" must be completed in Duban, which records "
                    + "what it says; it cannot be completed without its content");
        }
        return send(step, command);
    }

    /** From a service task or timer path: the command carries the process instance and the activity. */
    public <R> R send(DelegateExecution execution, Object command) {
        return send(command, execution.getProcessInstanceId(), execution.getCurrentActivityId(), null);
    }

    public <R> R send(DelegateTask task, Object command) {
        // A user completing the task in Camunda's own Tasklist is known only to the engine.
        Authentication engineUser = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return send(command, task.getProcessInstanceId(), task.getId(),
                engineUser == null ? null : engineUser.getUserId());
    }

    private <R> R send(Object command, String processInstanceId, String stepId, String engineUserId) {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(MetadataKeys.PROCESS_INSTANCE_ID, processInstanceId);
        metadata.put(MetadataKeys.USER_TASK_ID, stepId);
        if (engineUserId != null) {
            metadata.put(MetadataKeys.ACTOR_USER, engineUserId);
        }
        return commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(MetaData.from(metadata)));
    }
}
