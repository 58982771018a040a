package org.duban.process.plan;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.duban.api.plan.PublishPlan;
import org.duban.process.WorkflowCommands;
import org.springframework.stereotype.Component;

/** Completing the approval task of {@code plan-publication} publishes the plan. */
@Component(PlanPublicationApproved.BEAN)
public class PlanPublicationApproved implements TaskListener {
    public static final String BEAN = "planPublicationApproved";

    private final WorkflowCommands commands;

    public PlanPublicationApproved(WorkflowCommands commands) {
        this.commands = commands;
    }

    @Override
    public void notify(DelegateTask task) {
        commands.send(task, new PublishPlan((String) task.getVariable(PlanPublication.PLAN_ID)));
    }
}
