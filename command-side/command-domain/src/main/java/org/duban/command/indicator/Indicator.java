package org.duban.command.indicator;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.duban.api.indicator.DefineIndicator;
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

    protected Indicator() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    void handle(DefineIndicator command) {
        apply(new IndicatorDefined(command.indicatorId(), command.planId(), command.sectionId(), command.number(),
                command.code(), command.taskId(), command.name(), command.unitOfMeasure(), command.baseline(), command.target(), command.attribute(),
                command.direction(), command.responsibleUnits(), command.remark()));
    }

    @EventSourcingHandler
    void on(IndicatorDefined event) {
        indicatorId = event.indicatorId();
        planId = event.planId();
        baseline = event.baseline();
        target = event.target();
        attribute = event.attribute();
        responsibleUnits = event.responsibleUnits();
    }

    @EventSourcingHandler
    void on(IndicatorTargetAdjusted event) {
        target = event.toTarget();
    }
}
