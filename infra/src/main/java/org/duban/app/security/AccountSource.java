package org.duban.app.security;

import java.util.Optional;

/**
 * Accounts kept somewhere other than the configuration, such as the third-party evaluators' accounts bound to an
 * evaluation round. The configured accounts are looked up first; a source is asked only for a name they do not have.
 */
public interface AccountSource {
    Optional<DubanUser> find(String username);
}
