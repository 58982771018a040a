package org.duban.app.evaluation.report;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.duban.api.CommandRefused;
import org.duban.api.Role;
import org.duban.api.evaluation.FindEvaluationRound;
import org.duban.api.evaluation.FindRoundResults;
import org.duban.api.evaluation.FindRoundSheet;
import org.duban.api.evaluation.RoundDetail;
import org.duban.api.evaluation.RoundResults;
import org.duban.api.evaluation.SheetRow;
import org.duban.app.security.DubanUser;
import org.duban.app.web.NotFound;
import org.duban.command.OfficeAuthority;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * The score sheet and the report of a published round, for the supervisors of its office, administrators and
 * auditors; evaluators and units get a 403, and before publication there is nothing to write (409).
 */
@Component
public class EvaluationOutputs {
    private final QueryGateway queries;
    private final MessageSource messages;
    private final ScoreSheetWriter sheets = new ScoreSheetWriter();
    private final EvaluationReportWriter reports = new EvaluationReportWriter();

    EvaluationOutputs(QueryGateway queries, MessageSource messages) {
        this.queries = queries;
        this.messages = messages;
    }

    /** A written document and the name it is downloaded under. */
    public record Document(String fileName, byte[] content) {
    }

    public Document scoreSheet(String roundId, DubanUser user, Locale locale) {
        RoundOutputs outputs = outputs(roundId, user);
        byte[] content = sheets.write(outputs, new ScoreSheetWriter.Headers() {
            @Override
            public String column(String key) {
                return messages.getMessage("outputs.sheet." + key, null, locale);
            }

            @Override
            public String evaluator(String displayName) {
                return messages.getMessage("outputs.sheet.evaluator", new Object[]{displayName}, locale);
            }
        });
        return new Document(fileName(outputs, "评分表") + ".xlsx", content);
    }

    public Document report(String roundId, DubanUser user) {
        RoundOutputs outputs = outputs(roundId, user);
        return new Document(EvaluationReportWriter.title(outputs.round().summary()) + ".docx", reports.write(outputs));
    }

    private RoundOutputs outputs(String roundId, DubanUser user) {
        RoundDetail round = queries.query(new FindEvaluationRound(roundId), ResponseTypes.optionalInstanceOf(RoundDetail.class))
                .join().orElseThrow(() -> new NotFound("evaluation round " + roundId + " does not exist"));
        if (!mayRead(round, user)) {
            throw new AccessDeniedException("the score sheet and the report of evaluation round " + roundId
                    + " are for the supervisors of " + (round.summary().office() == null ? "the plan's office"
                    : round.summary().office()) + ", administrators and auditors");
        }
        RoundResults results = queries.query(new FindRoundResults(roundId), ResponseTypes.optionalInstanceOf(RoundResults.class))
                .join().orElseThrow(() -> new CommandRefused("evaluation.outputs-not-published", "evaluation round "
                        + roundId + " is " + round.summary().phase() + ": its score sheet and report are written once its"
                        + " results are published"));
        var sheet = queries.query(new FindRoundSheet(roundId, null, null), ResponseTypes.multipleInstancesOf(SheetRow.class)).join();
        return new RoundOutputs(round, results, sheet);
    }

    static boolean mayRead(RoundDetail round, DubanUser user) {
        return user.role() == Role.AUDITOR || (user.role() != Role.EVALUATOR
                && OfficeAuthority.mayAct(round.summary().office(), user.role(), user.unit()));
    }

    private static String fileName(RoundOutputs outputs, String what) {
        String title = outputs.round().summary().title();
        return (title == null || title.isBlank() ? RoundOutputs.kindWord(outputs.round().summary().kind()) : title) + what;
    }
}
