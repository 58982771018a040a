package org.duban.app.security.oidc;

import org.duban.app.security.DubanUser;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A person signed in to the pages through the provider: the same {@link DubanUser} a local account gives (so every
 * check and the actor metadata read it unchanged), still carrying the ID token that RP-initiated logout sends back.
 */
public final class OidcDubanUser extends DubanUser implements OidcUser {
    private final OidcIdToken idToken;
    private final OidcUserInfo userInfo;
    private final Map<String, Object> claims;

    OidcDubanUser(DubanUser user, OidcIdToken idToken, OidcUserInfo userInfo) {
        super(user.getUsername(), "", user.displayName(), user.unit(), user.role());
        this.idToken = idToken;
        this.userInfo = userInfo;
        Map<String, Object> all = new LinkedHashMap<>(idToken.getClaims());
        if (userInfo != null) {
            all.putAll(userInfo.getClaims());
        }
        this.claims = Map.copyOf(all);
    }

    @Override
    public Map<String, Object> getClaims() {
        return claims;
    }

    @Override
    public OidcUserInfo getUserInfo() {
        return userInfo;
    }

    @Override
    public OidcIdToken getIdToken() {
        return idToken;
    }

    @Override
    public Map<String, Object> getAttributes() {
        return claims;
    }

    @Override
    public String getName() {
        return getUsername();
    }
}
