package org.duban.command.indicator;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.duban.api.CommandRefused;
import org.duban.api.MetadataKeys;
import org.duban.api.Role;
import org.duban.api.indicator.ApproveIndicatorAdjustment;
import org.duban.api.indicator.Baseline;
import org.duban.api.indicator.ChangeIndicatorSupervision;
import org.duban.api.indicator.DefineIndicator;
import org.duban.api.indicator.Direction;
import org.duban.api.indicator.IndicatorAdjustmentRejected;
import org.duban.api.indicator.IndicatorAdjustmentRequested;
import org.duban.api.indicator.IndicatorAttribute;
import org.duban.api.indicator.IndicatorDefined;
import org.duban.api.indicator.IndicatorReading;
import org.duban.api.indicator.IndicatorSupervisionChanged;
import org.duban.api.indicator.IndicatorTargetAdjusted;
import org.duban.api.indicator.IndicatorValueRecorded;
import org.duban.api.indicator.RecordIndicatorValue;
import org.duban.api.indicator.RejectIndicatorAdjustment;
import org.duban.api.indicator.RequestIndicatorAdjustment;
import org.duban.api.indicator.Target;
import org.duban.api.indicator.ValueSource;
import org.duban.api.plan.PlanPeriod;
import org.duban.api.supervision.AssessIndicatorStatus;
import org.duban.api.supervision.IndicatorStatusChanged;
import org.duban.api.supervision.RagStatus;
import org.duban.api.unit.UnitRef;
import org.duban.command.OfficeAuthority;
import org.duban.command.supervision.IndicatorSchedule;
import org.duban.command.supervision.Judgement;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A measured quantity of a plan with its baseline and target. */
@Aggregate
class Indicator {

    @AggregateIdentifier
    private String indicatorId;
    private String planId;
    private Baseline baseline;
    /** the target in force: the defined one until an adjustment is approved */
    private Target target;
    private IndicatorAttribute attribute;
    private List<UnitRef> responsibleUnits;
    /** the supervising office, absent for indicators defined before they named one (any supervisor then) */
    private String office;
    // --- values and on-schedule status (supervision) ---
    private Direction direction;
    private PlanPeriod planPeriod;
    private RagStatus scheduleStatus;
    /** the value in force for each period, and how many values each period has had */
    private final Map<String, IndicatorValueRecorded> values = new HashMap<>();
    // --- dynamic adjustment of the target (动态调整) ---
    private String pendingAdjustmentId;
    private Target proposedTarget;

    protected Indicator() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    void handle(DefineIndicator command) {
        apply(new IndicatorDefined(command.indicatorId(), command.planId(), command.sectionId(), command.number(),
                command.code(), command.taskId(), command.name(), command.unitOfMeasure(), command.baseline(), command.target(), command.attribute(),
                command.direction(), command.responsibleUnits(), command.remark(), command.planPeriod(),
                command.supervisingOffice()));
    }

    // --- dynamic adjustment of the target (动态调整) ---------------------------------------------------------

    /**
     * A responsible unit asks in its own name; a supervisor of the office in the office's. One adjustment waits at a
     * time, and one that would leave the target as it is is refused.
     */
    @CommandHandler
    void handle(RequestIndicatorAdjustment command, @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role,
                @MetaDataValue(MetadataKeys.ACTOR_UNIT) String unit) {
        boolean responsible = responsibleUnits != null
                && responsibleUnits.stream().anyMatch(ref -> ref.unitId().equals(command.unitId()));
        boolean supervisor = Role.SUPERVISOR.name().equals(role) || Role.ADMIN.name().equals(role);
        if (supervisor) {
            OfficeAuthority.require(office, role, unit, "ask for an adjustment of indicator " + indicatorId);
        } else if (!responsible) {
            throw new CommandRefused("indicator.not-responsible-unit", "unit " + command.unitId()
                    + " is not responsible for indicator " + indicatorId);
        }
        if (pendingAdjustmentId != null) {
            throw new CommandRefused("indicator.adjustment-pending", "indicator " + indicatorId
                    + " already waits for a decision on adjustment " + pendingAdjustmentId);
        }
        Target proposed = Target.parse(target == null ? null : target.year(), command.proposedTarget());
        if (proposed.equals(target)) {
            throw new CommandRefused("indicator.adjustment-unchanged", "indicator " + indicatorId
                    + " already has the target " + command.proposedTarget());
        }
        apply(new IndicatorAdjustmentRequested(indicatorId, planId, command.unitId(), command.adjustmentId(), target,
                proposed, command.reason()));
    }

    /** A binding indicator changes only with the approving body's approval, so its decision names the document. */
    @CommandHandler
    void handle(ApproveIndicatorAdjustment command, @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role,
                @MetaDataValue(MetadataKeys.ACTOR_UNIT) String unit) {
        OfficeAuthority.require(office, role, unit, "decide on adjustments of indicator " + indicatorId);
        requirePending(command.adjustmentId());
        if (attribute == IndicatorAttribute.BINDING && command.approvalDocument() == null) {
            throw new CommandRefused("indicator.binding-needs-approval", "indicator " + indicatorId
                    + " is binding: its target changes only with the approving body's approval, so the decision "
                    + "names its document");
        }
        apply(new IndicatorTargetAdjusted(indicatorId, planId, command.adjustmentId(), target, proposedTarget,
                command.reason(), command.approvalDocument()));
    }

    @CommandHandler
    void handle(RejectIndicatorAdjustment command, @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role,
                @MetaDataValue(MetadataKeys.ACTOR_UNIT) String unit) {
        OfficeAuthority.require(office, role, unit, "decide on adjustments of indicator " + indicatorId);
        requirePending(command.adjustmentId());
        apply(new IndicatorAdjustmentRejected(indicatorId, planId, command.adjustmentId(), command.reason()));
    }

    private void requirePending(String adjustmentId) {
        if (pendingAdjustmentId == null || !pendingAdjustmentId.equals(adjustmentId)) {
            throw new CommandRefused("indicator.no-such-adjustment", "indicator " + indicatorId
                    + " has no pending adjustment " + adjustmentId);
        }
    }

    @EventSourcingHandler
    void on(IndicatorDefined event) {
        indicatorId = event.indicatorId();
        planId = event.planId();
        baseline = event.baseline();
        target = event.target();
        attribute = event.attribute();
        responsibleUnits = event.responsibleUnits();
        direction = event.direction();
        planPeriod = event.planPeriod();
        office = event.supervisingOffice();
    }

    @EventSourcingHandler
    void on(IndicatorAdjustmentRequested event) {
        pendingAdjustmentId = event.adjustmentId();
        proposedTarget = event.proposedTarget();
    }

    @EventSourcingHandler
    void on(IndicatorAdjustmentRejected event) {
        pendingAdjustmentId = null;
        proposedTarget = null;
    }

    @EventSourcingHandler
    void on(IndicatorTargetAdjusted event) {
        target = event.toTarget();
        pendingAdjustmentId = null;
        proposedTarget = null;
    }

    /** Only an administrator hands an indicator to another office, with its plan (PlanApi.changeSupervision). */
    @CommandHandler
    void handle(ChangeIndicatorSupervision command, @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role) {
        OfficeAuthority.requireAdmin(role, "hand an indicator to another office");
        if (!command.office().equals(office)) {
            apply(new IndicatorSupervisionChanged(indicatorId, planId, command.office()));
        }
    }

    @EventSourcingHandler
    void on(IndicatorSupervisionChanged event) {
        office = event.office();
    }

    // --- values (指标值) ------------------------------------------------------------------------------------

    /**
     * Values are recorded by the system or a supervisor of the office: a report's when the report is accepted (the
     * acceptance is a supervisor's act, so it carries the supervisor's name), a supervisor's own by hand. A
     * supervisor's correction needs a reason; a later report for the same period corrects the value without one, its
     * acceptance being the reason. The same value again changes nothing.
     */
    @CommandHandler
    boolean handle(RecordIndicatorValue command, @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role,
                   @MetaDataValue(MetadataKeys.ACTOR_UNIT) String unit) {
        OfficeAuthority.require(office, role, unit, "record values of indicator " + indicatorId);
        IndicatorValueRecorded current = values.get(command.periodKey());
        if (current != null && current.asWritten().equals(command.value())) {
            return false;
        }
        if (current != null && command.source() == ValueSource.SUPERVISOR && command.reason() == null) {
            throw new CommandRefused("indicator.correction-needs-reason", "the " + command.periodKey() + " value of "
                    + "indicator " + indicatorId + " is " + current.asWritten() + "; say why it is corrected");
        }
        apply(new IndicatorValueRecorded(indicatorId, planId, command.periodKey(),
                IndicatorReading.number(command.value()), command.value(), command.source(), command.taskId(),
                command.evidence(), current == null ? 1 : current.version() + 1, command.reason()));
        return true;
    }

    // --- on-schedule status (序时进度) ----------------------------------------------------------------------

    /** Answers whether the status changed; judged with the target in force and the latest period's value. */
    @CommandHandler
    boolean handle(AssessIndicatorStatus command, @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role,
                   @MetaDataValue(MetadataKeys.ACTOR_UNIT) String unit) {
        OfficeAuthority.require(office, role, unit, "assess the status of indicator " + indicatorId);
        IndicatorValueRecorded latest = latestWithNumber();
        Judgement judgement = new IndicatorSchedule(baseline, target, attribute, direction, planPeriod).judge(
                command.asOf(), latest == null ? null : latest.value(), latest == null ? null : latest.asWritten(),
                latest == null ? null : latest.periodKey(), command.rules());
        if (judgement.status() == scheduleStatus) {
            return false;
        }
        apply(new IndicatorStatusChanged(indicatorId, planId, scheduleStatus, judgement.status(), judgement.rule(),
                judgement.figures(), command.asOf()));
        return true;
    }

    /** The value of the latest period that has a number; periods are keyed so that later ones sort after. */
    private IndicatorValueRecorded latestWithNumber() {
        return values.values().stream().filter(value -> value.value() != null)
                .max((one, other) -> one.periodKey().compareTo(other.periodKey())).orElse(null);
    }

    @EventSourcingHandler
    void on(IndicatorValueRecorded event) {
        values.put(event.periodKey(), event);
    }

    @EventSourcingHandler
    void on(IndicatorStatusChanged event) {
        scheduleStatus = event.toStatus();
    }
}
