package org.duban.command.unit;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.duban.api.MetadataKeys;
import org.duban.api.unit.RegisterUnit;
import org.duban.api.unit.SetUnitNotificationChannels;
import org.duban.api.unit.UnitAliasesAdded;
import org.duban.api.unit.UnitNotificationChannelsSet;
import org.duban.api.unit.UnitRegistered;
import org.duban.command.OfficeAuthority;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An entry of the unit registry. Its id follows from its name, so a name is registered once. */
@Aggregate
class Unit {

    @AggregateIdentifier
    private String unitId;
    private final Set<String> aliases = new LinkedHashSet<>();

    protected Unit() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RegisterUnit command) {
        if (unitId == null) {
            apply(new UnitRegistered(command.unitId(), command.name(), command.aliases(), command.collective(),
                    command.jurisdiction()));
            return;
        }
        List<String> added = command.aliases().stream().filter(alias -> !aliases.contains(alias)).toList();
        if (!added.isEmpty()) {
            apply(new UnitAliasesAdded(unitId, added));
        }
    }

    @EventSourcingHandler
    void on(UnitRegistered event) {
        unitId = event.unitId();
        aliases.addAll(event.aliases());
    }

    @EventSourcingHandler
    void on(UnitAliasesAdded event) {
        aliases.addAll(event.aliases());
    }

    // --- notification channels (issue 13, notifications) ---

    /** The channels as last set, to ignore a form sent again unchanged. */
    private UnitNotificationChannelsSet channels;

    @CommandHandler
    void handle(SetUnitNotificationChannels command, @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role) {
        OfficeAuthority.requireAdmin(role, "set how unit " + unitId + " is notified");
        UnitNotificationChannelsSet set = new UnitNotificationChannelsSet(unitId, command.emails(), command.emailOn(),
                command.webhookUrl(), command.webhookKind(), command.webhookSecret(), command.webhookOn());
        if (!set.equals(channels)) {
            apply(set);
        }
    }

    @EventSourcingHandler
    void on(UnitNotificationChannelsSet event) {
        channels = event;
    }
}
