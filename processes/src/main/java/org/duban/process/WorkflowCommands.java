package org.duban.process;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
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
    private final CommandGateway commandGateway;

    public WorkflowCommands(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    public <R> R send(DelegateTask task, Object command) {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(MetadataKeys.PROCESS_INSTANCE_ID, task.getProcessInstanceId());
        metadata.put(MetadataKeys.USER_TASK_ID, task.getId());
        // A user completing the task in Camunda's own Tasklist is known only to the engine.
        Authentication engineUser = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (engineUser != null && engineUser.getUserId() != null) {
            metadata.put(MetadataKeys.ACTOR_USER, engineUser.getUserId());
        }
        return commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(MetaData.from(metadata)));
    }
}
