package org.duban.process.task;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.duban.api.plan.FindPlanTree;
import org.duban.api.plan.PlanPublished;
import org.duban.api.plan.PlanTree;
import org.duban.api.task.AssignTask;
import org.duban.api.task.TaskView;
import org.duban.process.WorkflowClock;
import org.duban.process.calendar.WorkingDays;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * Publishing a plan assigns every task to its lead unit and starts its acknowledgement, in the transaction that
 * publishes the plan: a plan is never published with half of its tasks assigned.
 */
@Component
class PublishedPlanAssignments {
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final TaskAssignment assignment;
    private final WorkingDays workingDays;
    private final int acknowledgeWithin;

    PublishedPlanAssignments(CommandGateway commands, QueryGateway queries, TaskAssignment assignment,
                             WorkingDays workingDays,
                             @Value("${duban.workflow.acknowledge-working-days:5}") int acknowledgeWithin) {
        this.commands = commands;
        this.queries = queries;
        this.assignment = assignment;
        this.workingDays = workingDays;
        this.acknowledgeWithin = acknowledgeWithin;
    }

    @EventHandler
    void on(PlanPublished event) {
        PlanTree tree = queries.query(new FindPlanTree(event.planId()), ResponseTypes.optionalInstanceOf(PlanTree.class))
                .join().orElseThrow(() -> new IllegalStateException("published plan " + event.planId() + " has no tree"));
        LocalDate acknowledgeBy = workingDays.plus(WorkflowClock.today(), acknowledgeWithin);
        for (TaskView task : tree.allTasks()) {
            commands.sendAndWait(new AssignTask(task.taskId(), acknowledgeBy));
            assignment.start(task.taskId(), task.leadUnit().unitId(),
                    task.coUnits().stream().map(unit -> unit.unitId()).toList(), acknowledgeBy);
        }
    }
}
