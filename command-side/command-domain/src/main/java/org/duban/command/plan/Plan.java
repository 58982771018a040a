package org.duban.command.plan;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.duban.api.CommandRefused;
import org.duban.api.plan.ClosePlan;
import org.duban.api.plan.CreatePlan;
import org.duban.api.plan.PlanClosed;
import org.duban.api.plan.PlanCreated;
import org.duban.api.plan.PlanPublished;
import org.duban.api.plan.PlanStatus;
import org.duban.api.plan.PublishPlan;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A published policy document and its lifecycle. Holds only what its rules need. */
@Aggregate
class Plan {

    @AggregateIdentifier
    private String planId;
    private PlanStatus status;

    protected Plan() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    void handle(CreatePlan command) {
        apply(new PlanCreated(command.planId(), command.title(), command.documentNumber(),
                command.issuer(), command.period()));
    }

    @CommandHandler
    void handle(PublishPlan command) {
        if (status == PlanStatus.CLOSED) {
            throw new CommandRefused("plan.closed", "plan " + planId + " is closed and cannot be published");
        }
        if (status == PlanStatus.DRAFT) {
            apply(new PlanPublished(planId));
        }
    }

    @CommandHandler
    void handle(ClosePlan command) {
        if (status != PlanStatus.CLOSED) {
            apply(new PlanClosed(planId, status));
        }
    }

    @EventSourcingHandler
    void on(PlanCreated event) {
        planId = event.planId();
        status = PlanStatus.DRAFT;
    }

    @EventSourcingHandler
    void on(PlanPublished event) {
        status = PlanStatus.PUBLISHED;
    }

    @EventSourcingHandler
    void on(PlanClosed event) {
        status = PlanStatus.CLOSED;
    }
}
