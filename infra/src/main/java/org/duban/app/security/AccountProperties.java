package org.duban.app.security;

import org.duban.api.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * Accounts defined in configuration ({@code duban.security.accounts}): the demo accounts of the embedded
 * profile, or a deployment's fixed accounts until an external identity provider is configured.
 */
@ConfigurationProperties("duban.security")
public record AccountProperties(List<Account> accounts) {

    public AccountProperties {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
    }

    /** @param password a Spring Security encoded password, such as {@code {noop}secret} or {@code {bcrypt}…} */
    public record Account(String username, String password, String displayName, Role role, String unit) {
    }
}
