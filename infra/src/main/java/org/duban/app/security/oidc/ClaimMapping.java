package org.duban.app.security.oidc;

import org.duban.api.Role;
import org.duban.app.security.DubanUser;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a token's claims into the {@link DubanUser} the rest of the application uses. The claim names are
 * settings ({@code duban.security.oidc.claims.*}); the role claim may be a string, a list of strings, or
 * Keycloak's {@code realm_access.roles} (a dotted path is followed through nested objects).
 */
public record ClaimMapping(String username, String name, String role, String unit) {

    public static final ClaimMapping DEFAULTS =
            new ClaimMapping("preferred_username", "name", "duban_role", "duban_unit");

    /** Why a token cannot stand for a Duban user; names the missing or unusable claim. */
    public static final class Refused extends RuntimeException {
        private final String claim;

        Refused(String claim, String message) {
            super(message);
            this.claim = claim;
        }

        public String claim() {
            return claim;
        }
    }

    /**
     * Which part of a person a refused claim stood for ({@code username}, {@code name}, {@code role}, {@code unit}),
     * so a page can say it in words; {@code other} for a name that is none of this mapping's claims.
     */
    public String partNamedBy(String claim) {
        if (role.equals(claim)) {
            return "role";
        }
        if (unit.equals(claim)) {
            return "unit";
        }
        if (username.equals(claim)) {
            return "username";
        }
        return name.equals(claim) ? "name" : "other";
    }

    public DubanUser user(Map<String, ?> claims) {
        String who = text(claims, username).or(() -> text(claims, "sub"))
                .orElseThrow(() -> new Refused(username, "the token names no user (claim " + username + ")"));
        Role asRole = roleOf(claims);
        String theUnit = text(claims, unit).orElse(null);
        if ((asRole == Role.UNIT_USER || asRole == Role.SUPERVISOR) && theUnit == null) {
            throw new Refused(unit, "a " + asRole + " token must name a unit (claim " + unit + ")");
        }
        String display = text(claims, name).orElse(who);
        // no password: an OIDC user never signs in locally
        return new DubanUser(who, "", display, theUnit, asRole);
    }

    private Role roleOf(Map<String, ?> claims) {
        Object value = at(claims, role);
        List<?> values = value instanceof Collection<?> many ? List.copyOf(many)
                : value == null ? List.of() : List.of(value);
        if (values.isEmpty()) {
            throw new Refused(role, "the token carries no role (claim " + role + ")");
        }
        // several roles (Keycloak lists all a user has): the first Duban role wins, other roles are ignored
        return values.stream().map(v -> known(String.valueOf(v))).flatMap(Optional::stream).findFirst()
                .filter(r -> r != Role.SYSTEM)
                .orElseThrow(() -> new Refused(role, "the token carries no Duban role in claim " + role
                        + " (one of admin, supervisor, unit_user, evaluator, auditor)"));
    }

    private static Optional<Role> known(String value) {
        String normal = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        if (normal.startsWith("DUBAN_")) {
            normal = normal.substring("DUBAN_".length());
        }
        try {
            return Optional.of(Role.valueOf(normal));
        } catch (IllegalArgumentException notARole) {
            return Optional.empty();
        }
    }

    private static Optional<String> text(Map<String, ?> claims, String path) {
        Object value = at(claims, path);
        if (value instanceof Collection<?> many) {
            value = many.isEmpty() ? null : many.iterator().next();
        }
        return Optional.ofNullable(value).map(String::valueOf).map(String::trim).filter(s -> !s.isEmpty());
    }

    private static Object at(Map<String, ?> claims, String path) {
        if (claims.containsKey(path)) {
            return claims.get(path);
        }
        Object here = claims;
        for (String step : path.split("\\.")) {
            if (!(here instanceof Map<?, ?> map)) {
                return null;
            }
            here = map.get(step);
        }
        return here;
    }
}
