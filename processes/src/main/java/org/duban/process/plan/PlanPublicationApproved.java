package org.duban.process.plan;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.duban.api.plan.PublishPlan;
import org.duban.process.StepListener;
import org.duban.process.WorkflowCommands;
import org.springframework.stereotype.Component;

/** Completing the approval task of {@code plan-publication} publishes the plan. */
@Component(PlanPublicationApproved.BEAN)
public class PlanPublicationApproved extends StepListener {
    public static final String BEAN = "planPublicationApproved";

    public PlanPublicationApproved(WorkflowCommands commands) {
        super(commands);
    }

    @Override
    public void notify(DelegateTask task) {
        send(task, new PublishPlan((String) task.getVariable(PlanPublication.PLAN_ID)));
    }
}
