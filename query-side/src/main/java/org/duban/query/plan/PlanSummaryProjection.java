package org.duban.query.plan;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.duban.api.MetadataKeys;
import org.duban.api.plan.FindPlan;
import org.duban.api.plan.ListPlans;
import org.duban.api.plan.PlanClosed;
import org.duban.api.plan.PlanCreated;
import org.duban.api.plan.PlanExecutionStarted;
import org.duban.api.plan.PlanPublished;
import org.duban.api.plan.PlanSummary;
import org.duban.api.plan.PlanSupervisionChanged;
import org.duban.query.ProjectionTables;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The plan list: one row per plan with its lifecycle status. */
@Component
@ProcessingGroup(PlanSummaryProjection.PROCESSING_GROUP)
@ProjectionTables("plan_summary")
class PlanSummaryProjection {
    static final String PROCESSING_GROUP = "plan-summary";

    private final PlanSummaryRepository plans;

    PlanSummaryProjection(PlanSummaryRepository plans) {
        this.plans = plans;
    }

    @EventHandler
    void on(PlanCreated event, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.ACTOR_USER) String user,
            @MetaDataValue(MetadataKeys.ACTOR_UNIT) String unit) {
        plans.save(new PlanSummaryEntity(event.planId(), event.title(), event.documentNumber(), event.issuer(),
                event.issueDate(), event.period().startYear(), event.period().endYear(), event.parentPlanId(),
                user, unit, at, event.supervisingOffice()));
    }

    @EventHandler
    void on(PlanSupervisionChanged event, @Timestamp Instant at) {
        plans.findById(event.planId()).ifPresent(plan -> plan.superviseBy(event.office(), at));
    }

    @EventHandler
    void on(PlanPublished event, @Timestamp Instant at) {
        plans.findById(event.planId()).ifPresent(plan -> plan.changeStatus(PlanLifecycle.statusAfter(event).orElseThrow(), at));
    }

    @EventHandler
    void on(PlanExecutionStarted event, @Timestamp Instant at) {
        plans.findById(event.planId()).ifPresent(plan -> plan.changeStatus(PlanLifecycle.statusAfter(event).orElseThrow(), at));
    }

    @EventHandler
    void on(PlanClosed event, @Timestamp Instant at) {
        plans.findById(event.planId()).ifPresent(plan -> plan.changeStatus(PlanLifecycle.statusAfter(event).orElseThrow(), at));
    }

    @ResetHandler
    void reset() {
        plans.deleteAllInBatch();
    }

    @QueryHandler
    Optional<PlanSummary> handle(FindPlan query) {
        return plans.findById(query.planId()).map(PlanSummaryEntity::toSummary);
    }

    @QueryHandler
    List<PlanSummary> handle(ListPlans query) {
        return plans.findAllByOrderByCreatedAtDesc().stream().map(PlanSummaryEntity::toSummary).toList();
    }
}
