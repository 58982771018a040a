package org.duban.process;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.duban.api.MetadataKeys;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * The one way a workflow step dispatches a command: synchronously, inside the transaction that completes the user
 * task, so that the completion and the events it causes commit or roll back together. The command carries the
 * process instance and the step (user task or activity) that caused it.
 */
@Component
public class WorkflowCommands {
    private final CommandGateway commandGateway;

    public WorkflowCommands(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    /** Sends the command of a step taken in Duban, whose actor the command's dispatch records. */
    public <R> R send(Object command, String processInstanceId, String stepId) {
        return send(command, processInstanceId, stepId, null);
    }

    /**
     * Sends the command of a step the process takes by itself (a phase closing once everyone is in), as the system,
     * even when it runs in the transaction of a person's act: the signed-in user is set aside for the command.
     */
    public <R> R sendAsSystem(Object command, String processInstanceId, String stepId) {
        SecurityContext caller = SecurityContextHolder.getContext();
        SecurityContextHolder.clearContext();
        try {
            return send(command, processInstanceId, stepId, null);
        } finally {
            SecurityContextHolder.setContext(caller);
        }
    }

    /**
     * Sends the command of a step; {@code engineUserId} names a user known only to the engine (one who completed
     * the step in Camunda's own Tasklist), or is null.
     */
    public <R> R send(Object command, String processInstanceId, String stepId, String engineUserId) {
        Map<String, Object> metadata = new HashMap<>();
        if (processInstanceId != null) {
            metadata.put(MetadataKeys.PROCESS_INSTANCE_ID, processInstanceId);
        }
        if (stepId != null) {
            metadata.put(MetadataKeys.USER_TASK_ID, stepId);
        }
        if (engineUserId != null) {
            metadata.put(MetadataKeys.ACTOR_USER, engineUserId);
        }
        return commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(MetaData.from(metadata)));
    }
}
