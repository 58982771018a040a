package org.duban.process.task;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.api.task.ExpireCoUnitConfirmations;
import org.duban.process.WorkflowCommands;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.duban.process.task.TaskAssignment.TASK_ID;

/** The service step the timer of {@code task-assignment} leads to: expire the co-units' confirmations not given. */
@Configuration(proxyBeanMethods = false)
public class TaskTimers {
    public static final String CONFIRMATIONS_EXPIRY = "confirmationsExpiry";

    /** The task decides whose confirmations expire, and marks each; a second expiry finds none. */
    @Bean(CONFIRMATIONS_EXPIRY)
    static JavaDelegate confirmationsExpiry(WorkflowCommands commands) {
        return execution -> commands.send(new ExpireCoUnitConfirmations((String) execution.getVariable(TASK_ID)),
                execution.getProcessInstanceId(), execution.getCurrentActivityId());
    }
}
