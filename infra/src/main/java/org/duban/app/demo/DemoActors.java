package org.duban.app.demo;

import org.duban.api.MetadataKeys;
import org.duban.app.security.DubanUser;
import org.slf4j.MDC;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Lets the demo act as one of the configured accounts, the way a signed-in request does: the account is the
 * authenticated principal while the act runs, so the commands it causes record that user, unit and role, and the act
 * has a correlation id of its own, as each request has.
 */
@Component
class DemoActors {
    private final UserDetailsService accounts;

    DemoActors(UserDetailsService accounts) {
        this.accounts = accounts;
    }

    /** The account, if this deployment has it. */
    Optional<DubanUser> account(String username) {
        try {
            UserDetails user = accounts.loadUserByUsername(username);
            return user instanceof DubanUser duban ? Optional.of(duban) : Optional.empty();
        } catch (UsernameNotFoundException e) {
            return Optional.empty();
        }
    }

    /** As the account if this deployment has it, else as the system (no signed-in user). */
    <T> T asOrSystem(String username, Supplier<T> act) {
        return account(username).map(user -> as(user, signedIn -> act.get())).orElseGet(act);
    }

    <T> T as(DubanUser user, Function<DubanUser, T> act) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext signedIn = SecurityContextHolder.createEmptyContext();
        signedIn.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(signedIn);
        MDC.put(MetadataKeys.CORRELATION_ID, UUID.randomUUID().toString());
        try {
            return act.apply(user);
        } finally {
            MDC.remove(MetadataKeys.CORRELATION_ID);
            SecurityContextHolder.setContext(previous);
        }
    }

    void act(DubanUser user, Consumer<DubanUser> act) {
        as(user, signedIn -> {
            act.accept(signedIn);
            return null;
        });
    }
}
