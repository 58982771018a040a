package org.duban.command.indicator;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.duban.api.CommandRefused;
import org.duban.api.MetadataKeys;
import org.duban.api.Role;
import org.duban.api.indicator.ApproveIndicatorAdjustment;
import org.duban.api.indicator.DefineIndicator;
import org.duban.api.indicator.IndicatorAdjustmentRejected;
import org.duban.api.indicator.IndicatorAdjustmentRequested;
import org.duban.api.indicator.RejectIndicatorAdjustment;
import org.duban.api.indicator.RequestIndicatorAdjustment;
import org.duban.command.OfficeAuthority;
import org.duban.api.indicator.Baseline;
import org.duban.api.indicator.IndicatorAttribute;
import org.duban.api.indicator.IndicatorDefined;
import org.duban.api.indicator.IndicatorTargetAdjusted;
import org.duban.api.indicator.Target;
import org.duban.api.unit.UnitRef;

import java.util.List;

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
    // --- dynamic adjustment of the target (动态调整) ---
    /** the office that decides on adjustments; null for indicators defined before they named one */
    private String office;
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
                command.direction(), command.responsibleUnits(), command.remark(), command.supervisingOffice()));
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
}
