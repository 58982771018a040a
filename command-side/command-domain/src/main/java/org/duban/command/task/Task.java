package org.duban.command.task;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.duban.api.task.CreateTask;
import org.duban.api.task.TaskCreated;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One concrete, assignable task of a plan. Kept small so that units working on different tasks never contend. */
@Aggregate
class Task {

    @AggregateIdentifier
    private String taskId;

    protected Task() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    void handle(CreateTask command) {
        apply(new TaskCreated(command.taskId(), command.planId(), command.sectionId(), command.number(),
                command.text(), command.leadUnit(), command.coUnits(), command.dueDate(), command.remark()));
    }

    @EventSourcingHandler
    void on(TaskCreated event) {
        taskId = event.taskId();
    }
}
