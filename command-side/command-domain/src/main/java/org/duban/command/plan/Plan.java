package org.duban.command.plan;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.duban.api.CommandRefused;
import org.duban.api.plan.AddSection;
import org.duban.api.plan.ClosePlan;
import org.duban.api.plan.CreatePlan;
import org.duban.api.plan.PlanClosed;
import org.duban.api.plan.PlanCreated;
import org.duban.api.plan.PlanExecutionStarted;
import org.duban.api.plan.PlanImportRecorded;
import org.duban.api.plan.PlanPublished;
import org.duban.api.plan.PlanStatus;
import org.duban.api.plan.PublishPlan;
import org.duban.api.plan.RecordPlanImport;
import org.duban.api.plan.SectionAdded;
import org.duban.api.plan.StartPlanExecution;
import org.duban.api.reporting.ReportingCadenceSet;
import org.duban.api.reporting.SetReportingCadence;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A published policy document: its lifecycle and its section tree. Holds only what its rules need. */
@Aggregate
class Plan {

    @AggregateIdentifier
    private String planId;
    private PlanStatus status;
    private final Map<String, Integer> sectionLevels = new HashMap<>();
    private final Map<String, Integer> childCounts = new HashMap<>();
    private final Set<String> siblingTitles = new HashSet<>();

    protected Plan() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    void handle(CreatePlan command) {
        apply(new PlanCreated(command.planId(), command.title(), command.documentNumber(), command.issuer(),
                command.issueDate(), command.period(), command.parentPlanId()));
    }

    @CommandHandler
    void handle(AddSection command) {
        refuseIfClosed("changed");
        if (sectionLevels.containsKey(command.sectionId())) {
            throw new CommandRefused("section.exists", "plan " + planId + " already has section " + command.sectionId());
        }
        if (command.parentSectionId() != null) {
            Integer parentLevel = sectionLevels.get(command.parentSectionId());
            if (parentLevel == null) {
                throw new CommandRefused("section.parent-unknown",
                        "plan " + planId + " has no section " + command.parentSectionId());
            }
            if (parentLevel != command.level() - 1) {
                throw new CommandRefused("section.level", "a level-" + command.level()
                        + " section cannot sit under a level-" + parentLevel + " section");
            }
        }
        if (siblingTitles.contains(siblingKey(command.parentSectionId(), command.title()))) {
            throw new CommandRefused("section.duplicate", "plan " + planId + " already has the section \""
                    + command.code() + command.title() + "\" at this place");
        }
        apply(new SectionAdded(planId, command.sectionId(), command.parentSectionId(), command.level(),
                command.code(), command.title(), childCounts.getOrDefault(parentKey(command.parentSectionId()), 0) + 1));
    }

    @CommandHandler
    void handle(RecordPlanImport command) {
        refuseIfClosed("changed");
        apply(new PlanImportRecorded(planId, command.importId(), command.file(), command.counts()));
    }

    @CommandHandler
    void handle(PublishPlan command) {
        refuseIfClosed("published");
        if (status == PlanStatus.DRAFT) {
            apply(new PlanPublished(planId));
        }
    }

    @CommandHandler
    void handle(StartPlanExecution command) {
        refuseIfClosed("executed");
        if (status == PlanStatus.DRAFT) {
            throw new CommandRefused("plan.not-published", "plan " + planId + " must be published before it is executed");
        }
        if (status == PlanStatus.PUBLISHED) {
            apply(new PlanExecutionStarted(planId));
        }
    }

    @CommandHandler
    void handle(SetReportingCadence command) {
        refuseIfClosed("changed");
        apply(new ReportingCadenceSet(planId, command.cadence(), command.dueDay(), command.graceWorkingDays()));
    }

    @CommandHandler
    void handle(ClosePlan command) {
        if (status != PlanStatus.CLOSED) {
            apply(new PlanClosed(planId, status));
        }
    }

    private void refuseIfClosed(String what) {
        if (status == PlanStatus.CLOSED) {
            throw new CommandRefused("plan.closed", "plan " + planId + " is closed and cannot be " + what);
        }
    }

    private static String parentKey(String parentSectionId) {
        return parentSectionId == null ? "" : parentSectionId;
    }

    private static String siblingKey(String parentSectionId, String title) {
        return parentKey(parentSectionId) + "\u0000" + title.replaceAll("\\s+", "");
    }

    @EventSourcingHandler
    void on(PlanCreated event) {
        planId = event.planId();
        status = PlanStatus.DRAFT;
    }

    @EventSourcingHandler
    void on(SectionAdded event) {
        sectionLevels.put(event.sectionId(), event.level());
        childCounts.merge(parentKey(event.parentSectionId()), 1, Integer::sum);
        siblingTitles.add(siblingKey(event.parentSectionId(), event.title()));
    }

    @EventSourcingHandler
    void on(PlanPublished event) {
        status = PlanStatus.PUBLISHED;
    }

    @EventSourcingHandler
    void on(PlanExecutionStarted event) {
        status = PlanStatus.IN_EXECUTION;
    }

    @EventSourcingHandler
    void on(PlanClosed event) {
        status = PlanStatus.CLOSED;
    }
}
