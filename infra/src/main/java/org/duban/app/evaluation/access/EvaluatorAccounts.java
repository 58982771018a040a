package org.duban.app.evaluation.access;

import org.duban.app.security.AccountSource;
import org.duban.app.security.DubanUser;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The third-party evaluators' accounts (table {@code evaluator_account}): one per username, bound to one round, with
 * the hash of its password. A user source for sign-in, after the configured accounts.
 */
@Component
class EvaluatorAccounts implements AccountSource {
    /** An issued account as stored. */
    record Account(String username, String roundId, String passwordHash, String displayName, String organisation,
                   String issuedBy, Instant issuedAt) {
    }

    private final JdbcTemplate jdbc;

    EvaluatorAccounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<DubanUser> find(String username) {
        return account(username).map(a -> new RoundEvaluator(a.username(), a.passwordHash(), a.displayName(),
                a.organisation(), a.roundId()));
    }

    Optional<Account> account(String username) {
        List<Account> found = jdbc.query("select username, round_id, password_hash, display_name, organisation, "
                        + "issued_by, issued_at from evaluator_account where username = ?",
                (rs, row) -> new Account(rs.getString("username"), rs.getString("round_id"),
                        rs.getString("password_hash"), rs.getString("display_name"), rs.getString("organisation"),
                        rs.getString("issued_by"), rs.getTimestamp("issued_at").toInstant()), username);
        return found.stream().findFirst();
    }

    /** The round's issued accounts, by username. */
    List<String> usernamesOf(String roundId) {
        return jdbc.queryForList("select username from evaluator_account where round_id = ? order by username",
                String.class, roundId);
    }

    /** Stores the account, or its new password if it was issued before (for the same round). */
    void save(Account account) {
        int updated = jdbc.update("update evaluator_account set password_hash = ?, display_name = ?, organisation = ?, "
                        + "issued_by = ?, issued_at = ? where username = ? and round_id = ?", account.passwordHash(),
                account.displayName(), account.organisation(), account.issuedBy(), Timestamp.from(account.issuedAt()),
                account.username(), account.roundId());
        if (updated == 0) {
            jdbc.update("insert into evaluator_account (username, round_id, password_hash, display_name, organisation, "
                            + "issued_by, issued_at) values (?, ?, ?, ?, ?, ?, ?)", account.username(), account.roundId(),
                    account.passwordHash(), account.displayName(), account.organisation(), account.issuedBy(),
                    Timestamp.from(account.issuedAt()));
        }
    }
}
