package org.duban.app.notification;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.duban.api.unit.FindUnitNotificationChannels;
import org.duban.api.unit.ListUnits;
import org.duban.api.unit.SetUnitNotificationChannels;
import org.duban.api.unit.UnitNotificationChannels;
import org.duban.api.unit.UnitView;
import org.duban.api.unit.WebhookKind;
import org.duban.app.web.NotFound;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads and sets a unit's notification channels, for the unit's page and the API alike. */
@Component
class UnitChannels {
    private final CommandGateway commands;
    private final QueryGateway queries;

    UnitChannels(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /** The channels as readers see them: the secret only as whether one is set. */
    record ChannelsView(String unitId, List<String> emails, boolean emailOn, String webhookUrl, WebhookKind webhookKind,
                        boolean webhookSecretSet, boolean webhookOn, Instant setAt) {
        static ChannelsView of(UnitNotificationChannels c) {
            return new ChannelsView(c.unitId(), c.emails(), c.emailOn(), c.webhookUrl(), c.webhookKind(),
                    c.webhookSecret() != null, c.webhookOn(), c.setAt());
        }

        static ChannelsView none(String unitId) {
            return new ChannelsView(unitId, List.of(), false, null, null, false, false, null);
        }
    }

    /**
     * What an administrator asks for. {@code webhookSecret} absent keeps the secret set before (it is never shown, so a
     * form cannot send it back); an empty one removes it.
     */
    record ChannelsRequest(List<String> emails, Boolean emailOn, String webhookUrl, WebhookKind webhookKind,
                           String webhookSecret, Boolean webhookOn) {
    }

    UnitView unit(String unitId) {
        return queries.query(new ListUnits(), ResponseTypes.multipleInstancesOf(UnitView.class)).join().stream()
                .filter(unit -> unit.unitId().equals(unitId)).findFirst()
                .orElseThrow(() -> new NotFound("unit " + unitId + " is not registered"));
    }

    ChannelsView view(String unitId) {
        unit(unitId);
        return current(unitId).map(ChannelsView::of).orElseGet(() -> ChannelsView.none(unitId));
    }

    ChannelsView set(String unitId, ChannelsRequest request) {
        unit(unitId);
        String secret = request.webhookSecret();
        if (secret == null && request.webhookKind() == WebhookKind.DINGTALK) {
            secret = current(unitId).map(UnitNotificationChannels::webhookSecret).orElse(null);
        }
        commands.sendAndWait(new SetUnitNotificationChannels(unitId, request.emails(),
                Boolean.TRUE.equals(request.emailOn()), request.webhookUrl(), request.webhookKind(), secret,
                Boolean.TRUE.equals(request.webhookOn())));
        return view(unitId);
    }

    /** Addresses as a person types them in one box: separated by lines, commas, semicolons or spaces. */
    static List<String> addresses(String typed) {
        return typed == null ? List.of() : Arrays.stream(typed.split("[\\s,;，；、]+")).filter(a -> !a.isBlank()).toList();
    }

    private Optional<UnitNotificationChannels> current(String unitId) {
        return queries.query(new FindUnitNotificationChannels(unitId),
                ResponseTypes.optionalInstanceOf(UnitNotificationChannels.class)).join();
    }
}
