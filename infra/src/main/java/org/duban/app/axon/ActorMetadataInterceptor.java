package org.duban.app.axon;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.duban.api.MetadataKeys;
import org.duban.api.Role;
import org.duban.app.security.DubanUser;
import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Stamps every command with the acting user, unit and role, and the request's correlation id.
 * The signed-in user is authoritative; a command with no signed-in user (timers, start-up, Camunda's own
 * Tasklist) keeps the actor it was given or is recorded as the system.
 */
@Component
class ActorMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> command.andMetaData(actorOf(command));
    }

    private static Map<String, Object> actorOf(CommandMessage<?> command) {
        Map<String, Object> metadata = new HashMap<>();
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof DubanUser user) {
            metadata.put(MetadataKeys.ACTOR_USER, user.getUsername());
            metadata.put(MetadataKeys.ACTOR_ROLE, user.role().name());
            if (user.unit() != null) {
                metadata.put(MetadataKeys.ACTOR_UNIT, user.unit());
            }
        } else if (!command.getMetaData().containsKey(MetadataKeys.ACTOR_USER)) {
            metadata.put(MetadataKeys.ACTOR_USER, MetadataKeys.SYSTEM_ACTOR);
            metadata.put(MetadataKeys.ACTOR_ROLE, Role.SYSTEM.name());
        }
        String correlationId = MDC.get(MetadataKeys.CORRELATION_ID);
        if (correlationId != null && !command.getMetaData().containsKey(MetadataKeys.CORRELATION_ID)) {
            metadata.put(MetadataKeys.CORRELATION_ID, correlationId);
        }
        return metadata;
    }
}
