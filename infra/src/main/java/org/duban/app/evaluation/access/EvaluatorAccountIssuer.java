package org.duban.app.evaluation.access;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.duban.api.CommandRefused;
import org.duban.api.evaluation.Evaluator;
import org.duban.api.evaluation.EvaluatorAccountIssued;
import org.duban.api.evaluation.EvaluatorKind;
import org.duban.api.evaluation.FindEvaluationRound;
import org.duban.api.evaluation.RoundDetail;
import org.duban.app.security.AccountProperties;
import org.duban.app.security.DubanUser;
import org.duban.app.web.NotFound;
import org.duban.command.OfficeAuthority;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Issues the password of a third-party evaluator's account: a supervisor of the round's office (or an administrator)
 * makes it for an evaluator appointed to the round as a third party, while the round is open. The password is
 * answered once and only its hash is kept; issuing again gives a new one. Supervisor staff score with their own
 * accounts.
 */
@Component
public class EvaluatorAccountIssuer {
    /** No 0/O, 1/l/I: read out over the telephone or copied by hand without doubt. */
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int LENGTH = 16;

    private final QueryGateway queries;
    private final EvaluatorAccounts accounts;
    private final AccessEvents events;
    private final Set<String> configured;
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();

    EvaluatorAccountIssuer(QueryGateway queries, EvaluatorAccounts accounts, AccessEvents events,
                           AccountProperties properties) {
        this.queries = queries;
        this.accounts = accounts;
        this.events = events;
        this.configured = properties.accounts().stream().map(AccountProperties.Account::username)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Issues the account's password and answers it; the caller shows it once. */
    @Transactional
    public String issue(String roundId, String username, DubanUser by) {
        RoundDetail round = queries.query(new FindEvaluationRound(roundId), ResponseTypes.optionalInstanceOf(RoundDetail.class))
                .join().orElseThrow(() -> new NotFound("evaluation round " + roundId + " does not exist"));
        String office = round.summary().office();
        if (by instanceof RoundEvaluator || !OfficeAuthority.mayAct(office, by.role(), by.unit())) {
            throw new AccessDeniedException("only a supervisor of " + (office == null ? "the plan's office" : office)
                    + " or an administrator may issue an evaluator's account");
        }
        if (!round.summary().phase().isOpen()) {
            throw new CommandRefused("evaluator-account.round-ended", "evaluation round " + roundId + " is "
                    + round.summary().phase() + ": its evaluators' access has ended");
        }
        Evaluator evaluator = round.evaluators().stream().map(RoundDetail.EvaluatorState::evaluator)
                .filter(e -> e.username().equals(username)).findFirst()
                .orElseThrow(() -> new CommandRefused("evaluator-account.not-appointed", username
                        + " is not an evaluator of round " + roundId + ": appoint them first"));
        if (evaluator.kind() != EvaluatorKind.THIRD_PARTY) {
            throw new CommandRefused("evaluator-account.staff", username
                    + " is supervisor staff and scores with their own account");
        }
        if (configured.contains(username)) {
            throw new CommandRefused("evaluator-account.name-taken", "the username " + username
                    + " belongs to an existing account: appoint the third party under another username");
        }
        accounts.account(username).filter(a -> !a.roundId().equals(roundId)).ifPresent(a -> {
            throw new CommandRefused("evaluator-account.bound-elsewhere", "the account " + username
                    + " is bound to another round: appoint the third party under another username");
        });
        String password = password();
        accounts.save(new EvaluatorAccounts.Account(username, roundId, encoder.encode(password), evaluator.displayName(),
                evaluator.organisation(), by.getUsername(), clock.instant()));
        events.record(AccessEvents.ACCOUNT, new EvaluatorAccountIssued(roundId, round.summary().planId(), username,
                evaluator.displayName(), evaluator.organisation()), by);
        return password;
    }

    private String password() {
        StringBuilder password = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
