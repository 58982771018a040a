package org.duban.command.plan;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.duban.api.CommandRefused;
import org.duban.api.MetadataKeys;
import org.duban.api.plan.ChangePlanSupervision;
import org.duban.api.plan.OpenPlanPeriod;
import org.duban.api.plan.PlanPeriod;
import org.duban.api.plan.PlanPeriodOpened;
import org.duban.api.plan.PlanPublicationRequested;
import org.duban.api.plan.PlanSupervisionChanged;
import org.duban.api.plan.RequestPlanPublication;
import org.duban.api.reporting.Cadence;
import org.duban.api.reporting.ReportingPeriod;
import org.duban.command.OfficeAuthority;
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

/**
 * A published policy document: its lifecycle, its section tree, the office that supervises it and the reporting
 * periods opened. Holds only what its rules need. Plan-level acts (publication, cadence, periods, closing) are for the
 * supervisors of its office and administrators; the actor comes from the command's metadata.
 */
@Aggregate
class Plan {
    /** Reports are due on the 10th of the month after a period, and overdue 5 working days later, unless set. */
    static final int DEFAULT_DUE_DAY = 10;
    static final int DEFAULT_GRACE_WORKING_DAYS = 5;

    @AggregateIdentifier
    private String planId;
    private PlanStatus status;
    private PlanPeriod period;
    private String office;
    private Cadence cadence;
    private boolean publicationRequested;
    private final Set<String> openedPeriods = new HashSet<>();
    private final Map<String, Integer> sectionLevels = new HashMap<>();
    private final Map<String, Integer> childCounts = new HashMap<>();
    private final Set<String> siblingTitles = new HashSet<>();

    protected Plan() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    void handle(CreatePlan command, @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role,
                @MetaDataValue(MetadataKeys.ACTOR_UNIT) String unit) {
        // a supervisor creates plans for the own office; an administrator for any
        OfficeAuthority.require(command.supervisingOffice(), role, unit, "create a plan supervised by "
                + command.supervisingOffice());
        apply(new PlanCreated(command.planId(), command.title(), command.documentNumber(), command.issuer(),
                command.issueDate(), command.period(), command.parentPlanId(), command.supervisingOffice()));
    }

    @CommandHandler
    void handle(ChangePlanSupervision command, @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role) {
        OfficeAuthority.requireAdmin(role, "hand a plan to another office");
        if (!command.office().equals(office)) {
            apply(new PlanSupervisionChanged(planId, command.office(), office, command.reason()));
        }
    }

    @CommandHandler
    void handle(RequestPlanPublication command, @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role,
                @MetaDataValue(MetadataKeys.ACTOR_UNIT) String unit) {
        OfficeAuthority.require(office, role, unit, "request the publication of plan " + planId);
        refuseIfClosed("published");
        if (status != PlanStatus.DRAFT) {
            throw new CommandRefused("plan.published", "plan " + planId + " is already " + status);
        }
        if (!publicationRequested) {
            apply(new PlanPublicationRequested(planId));
        }
    }

    @CommandHandler
    void handle(OpenPlanPeriod command, @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role,
                @MetaDataValue(MetadataKeys.ACTOR_UNIT) String unit) {
        OfficeAuthority.require(office, role, unit, "open a reporting period of plan " + planId);
        refuseIfClosed("reported on");
        if (status == PlanStatus.DRAFT) {
            throw new CommandRefused("plan.not-published", "plan " + planId + " must be published before reports open");
        }
        if (cadence == null) {
            throw new CommandRefused("plan.no-cadence", "plan " + planId
                    + " has no reporting cadence yet; set one before opening a period");
        }
        ReportingPeriod opened = cadence.period(command.periodKey());
        if (opened.start().getYear() < period.startYear() || opened.end().getYear() > period.endYear()) {
            throw new CommandRefused("plan.period-outside", "period " + opened.key() + " is outside the plan's years "
                    + period);
        }
        if (status == PlanStatus.PUBLISHED) {
            apply(new PlanExecutionStarted(planId));
        }
        if (!openedPeriods.contains(opened.key())) {
            apply(new PlanPeriodOpened(planId, opened));
        }
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
    void handle(PublishPlan command, @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role,
                @MetaDataValue(MetadataKeys.ACTOR_UNIT) String unit) {
        OfficeAuthority.require(office, role, unit, "publish plan " + planId);
        refuseIfClosed("published");
        if (status == PlanStatus.DRAFT) {
            if (office == null && unit != null) {
                // a plan recorded before plans named their office is supervised by the office that publishes it
                apply(new PlanSupervisionChanged(planId, unit, null, "published by a supervisor of " + unit));
            }
            apply(new PlanPublished(planId));
        }
    }

    @CommandHandler
    void handle(StartPlanExecution command, @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role,
                @MetaDataValue(MetadataKeys.ACTOR_UNIT) String unit) {
        OfficeAuthority.require(office, role, unit, "start the execution of plan " + planId);
        refuseIfClosed("executed");
        if (status == PlanStatus.DRAFT) {
            throw new CommandRefused("plan.not-published", "plan " + planId + " must be published before it is executed");
        }
        if (status == PlanStatus.PUBLISHED) {
            apply(new PlanExecutionStarted(planId));
        }
    }

    @CommandHandler
    void handle(SetReportingCadence command, @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role,
                @MetaDataValue(MetadataKeys.ACTOR_UNIT) String unit) {
        OfficeAuthority.require(office, role, unit, "set the reporting cadence of plan " + planId);
        refuseIfClosed("changed");
        apply(new ReportingCadenceSet(planId, command.cadence(),
                command.dueDay() == null ? DEFAULT_DUE_DAY : command.dueDay(),
                command.graceWorkingDays() == null ? DEFAULT_GRACE_WORKING_DAYS : command.graceWorkingDays()));
    }

    @CommandHandler
    void handle(ClosePlan command, @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role,
                @MetaDataValue(MetadataKeys.ACTOR_UNIT) String unit) {
        OfficeAuthority.require(office, role, unit, "close plan " + planId);
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
        period = event.period();
        office = event.supervisingOffice();
    }

    @EventSourcingHandler
    void on(PlanSupervisionChanged event) {
        office = event.office();
    }

    @EventSourcingHandler
    void on(PlanPublicationRequested event) {
        publicationRequested = true;
    }

    @EventSourcingHandler
    void on(ReportingCadenceSet event) {
        cadence = event.cadence();
    }

    @EventSourcingHandler
    void on(PlanPeriodOpened event) {
        openedPeriods.add(event.period().key());
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
