package org.duban.process.adjustment;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.duban.process.adjustment.Adjustments.DECIDE;

/** The service steps of {@code adjustment}: recording the request, and the reminder of an undecided one. */
@Configuration(proxyBeanMethods = false)
public class AdjustmentTimers {
    public static final String REMINDER = "adjustmentReminder";
    /** A reminded decision comes before the others in the supervisors' inbox (the engine's normal priority is 50). */
    public static final int REMINDED_PRIORITY = 80;

    @Bean(AdjustmentSteps.REQUEST)
    static JavaDelegate adjustmentRequest(AdjustmentSteps steps) {
        return steps.request();
    }

    /** Raises the waiting decision; the reminder records no event, as the decision itself will. */
    @Bean(REMINDER)
    static JavaDelegate adjustmentReminder() {
        return execution -> {
            var tasks = execution.getProcessEngineServices().getTaskService();
            for (Task step : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                    .taskDefinitionKey(DECIDE).list()) {
                tasks.setPriority(step.getId(), REMINDED_PRIORITY);
            }
        };
    }
}
