package org.duban.app.security.oidc;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.duban.api.Role;
import org.duban.api.unit.ListUnits;
import org.duban.api.unit.UnitView;
import org.duban.app.security.DubanUser;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Duban user a provider's token stands for: {@link ClaimMapping}'s rules, and a unit user's unit must be a
 * registered unit (by name or alias; the user then acts for the unit's name, which is what {@code WorkAccess} and the
 * aggregates compare). A supervisor's unit is the office named by the plans it supervises, not a registered unit, so
 * it is taken as it is.
 */
public class OidcUsers {
    /** The OAuth2 error code of a sign-in refused for its claims; the exception's cause is the {@link ClaimsRefused}. */
    public static final String REFUSED = "duban_claims_refused";

    private final ClaimMapping mapping;
    private final QueryGateway queries;
    /** Units once seen registered stay so (the registry removes none); a miss asks the registry again. */
    private final Map<String, String> knownUnits = new ConcurrentHashMap<>();

    public OidcUsers(ClaimMapping mapping, QueryGateway queries) {
        this.mapping = mapping;
        this.queries = queries;
    }

    public ClaimMapping mapping() {
        return mapping;
    }

    /** @throws ClaimMapping.Refused naming the claim that stands for no Duban user */
    public DubanUser user(Map<String, ?> claims) {
        DubanUser user = mapping.user(claims);
        if (user.role() != Role.UNIT_USER) {
            return user;
        }
        String unit = registered(user.unit()).orElseThrow(() -> new ClaimMapping.Refused(mapping.unit(),
                "the token names unit " + user.unit() + " (claim " + mapping.unit() + "), which is not a registered unit"));
        return new DubanUser(user.getUsername(), "", user.displayName(), unit, user.role());
    }

    private Optional<String> registered(String unit) {
        String known = knownUnits.get(unit);
        if (known != null) {
            return Optional.of(known);
        }
        for (UnitView view : queries.query(new ListUnits(), ResponseTypes.multipleInstancesOf(UnitView.class)).join()) {
            knownUnits.put(view.name(), view.name());
            view.aliases().forEach(alias -> knownUnits.putIfAbsent(alias, view.name()));
        }
        return Optional.ofNullable(knownUnits.get(unit));
    }

    /** Bearer tokens on the API: the authentication's principal is the Duban user, as with HTTP Basic. */
    public Converter<Jwt, AbstractAuthenticationToken> bearer() {
        return jwt -> {
            try {
                return new BearerAuthentication(user(jwt.getClaims()), jwt);
            } catch (ClaimMapping.Refused refused) {
                throw new ClaimsRefused(refused);
            }
        };
    }

    /** Sign-in to the pages: the provider's user, from the ID token and user info, becomes a Duban user. */
    public OAuth2UserService<OidcUserRequest, OidcUser> signIn() {
        OidcUserService provider = new OidcUserService();
        return request -> {
            OidcUser signedIn = provider.loadUser(request);
            try {
                return new OidcDubanUser(user(signedIn.getClaims()), signedIn.getIdToken(), signedIn.getUserInfo());
            } catch (ClaimMapping.Refused refused) {
                throw new OAuth2AuthenticationException(new OAuth2Error(REFUSED, refused.getMessage(), null),
                        refused.getMessage(), new ClaimsRefused(refused));
            }
        };
    }

    /** A verified bearer token and the Duban user it stands for. */
    static final class BearerAuthentication extends AbstractAuthenticationToken {
        private final DubanUser user;
        private final Jwt token;

        BearerAuthentication(DubanUser user, Jwt token) {
            super(user.getAuthorities());
            this.user = user;
            this.token = token;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return token;
        }

        @Override
        public Object getPrincipal() {
            return user;
        }
    }
}
