package org.duban.app.security.oidc;

import org.springframework.security.core.AuthenticationException;

/** A genuine token whose claims stand for no Duban user; answered 403 naming the claim, never as a server error. */
public final class ClaimsRefused extends AuthenticationException {
    private final String claim;

    ClaimsRefused(ClaimMapping.Refused refused) {
        super(refused.getMessage(), refused);
        this.claim = refused.claim();
    }

    public String claim() {
        return claim;
    }
}
