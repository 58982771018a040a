package org.duban.app.evaluation.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.duban.api.evaluation.EvaluatorReadRecorded;
import org.duban.api.evaluation.FindEvaluationRound;
import org.duban.api.evaluation.RoundDetail;
import org.duban.app.security.AccountRestriction;
import org.duban.app.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a third-party evaluator's account reaches: its own round's evaluator endpoints (the round, its sheet, scores,
 * conflicts of interest, handing in) and its pages, only while the round is open; everything else, and everything once
 * the round is closed or cancelled, is a 403. Every read it makes is recorded as an {@link EvaluatorReadRecorded}
 * event, in the audit trail. Other accounts pass untouched.
 */
@Component
class EvaluatorAccessFilter extends OncePerRequestFilter implements AccountRestriction {
    private static final Logger log = LoggerFactory.getLogger(EvaluatorAccessFilter.class);
    /** Reached by anyone signed in, and not a read of the round: signing in and out, styles, scripts, error pages. */
    private static final List<Pattern> ALWAYS = List.of(Pattern.compile("/login|/logout|/error|/favicon\\.ico"),
            Pattern.compile("/(css|js|webjars|images)/.*"));
    private static final Set<String> READS = Set.of("GET", "HEAD");
    /** The round's API an evaluator uses, after {@code /api/evaluation/rounds/{roundId}}: reads, then changes. */
    private static final Pattern API_READS = Pattern.compile("/?|/sheet/?");
    private static final Pattern API_CHANGES = Pattern.compile("/scores/?|/conflicts/?|/scoring/complete/?");
    /** The round's pages, after {@code /evaluation/rounds/{roundId}}: the round and its scoring, then the forms. */
    private static final Pattern PAGE_READS = Pattern.compile("/?|/scoring/?");
    private static final Pattern PAGE_CHANGES = API_CHANGES;

    private final QueryGateway queries;
    private final AccessEvents events;

    EvaluatorAccessFilter(QueryGateway queries, AccessEvents events) {
        this.queries = queries;
        this.events = events;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof RoundEvaluator evaluator)) {
            chain.doFilter(request, response);
            return;
        }
        String path = pathOf(request);
        if (ALWAYS.stream().anyMatch(p -> p.matcher(path).matches())) {
            chain.doFilter(request, response);
            return;
        }
        String roundId = evaluator.roundId();
        RoundDetail round = queries.query(new FindEvaluationRound(roundId), ResponseTypes.optionalInstanceOf(RoundDetail.class))
                .join().orElse(null);
        if (round == null || !round.summary().phase().isOpen()) {
            refuse(request, response, "your access to evaluation round " + roundId + " ended when the round "
                    + (round == null ? "was removed" : "was " + round.summary().phase().name().toLowerCase()),
                    "evaluator-access.ended");
            return;
        }
        boolean read = READS.contains(request.getMethod());
        if (read && path.equals("/")) {
            // the evaluator's home is their round
            response.sendRedirect(request.getContextPath() + "/evaluation/rounds/" + roundId);
            return;
        }
        if (!allowed(path, roundId, read)) {
            refuse(request, response, "a third-party evaluator's account reaches only the scoring of evaluation round "
                    + roundId, "evaluator-access.outside-round");
            return;
        }
        chain.doFilter(request, response);
        if (read && response.getStatus() < 400) {
            String query = request.getQueryString();
            String what = query == null ? path : path + "?" + query;
            try {
                events.recordApart(AccessEvents.READ, new EvaluatorReadRecorded(roundId, evaluator.getUsername(),
                        what.length() > 2000 ? what.substring(0, 2000) : what), evaluator);
            } catch (RuntimeException e) {
                // the answer has gone out: say loudly that a read went unrecorded rather than fail it afterwards
                log.error("the read of {} by evaluator {} could not be recorded", what, evaluator.getUsername(), e);
            }
        }
    }

    /** Whether the path is the evaluator's own round's scoring or pages. */
    static boolean allowed(String path, String roundId, boolean read) {
        String api = "/api/evaluation/rounds/" + roundId;
        if (path.equals(api) || path.startsWith(api + "/")) {
            String rest = path.substring(api.length());
            return read ? API_READS.matcher(rest).matches() : API_CHANGES.matcher(rest).matches();
        }
        String pages = "/evaluation/rounds/" + roundId;
        if (path.equals(pages) || path.startsWith(pages + "/")) {
            String rest = path.substring(pages.length());
            return read ? PAGE_READS.matcher(rest).matches() : PAGE_CHANGES.matcher(rest).matches();
        }
        return false;
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, String detail, String code)
            throws IOException {
        if (Problems.api(pathOf(request))) {
            Problems.write(request, response, HttpStatus.FORBIDDEN, detail, Map.of("code", code));
        } else {
            response.sendError(HttpStatus.FORBIDDEN.value(), detail);
        }
    }

    private static String pathOf(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.isEmpty() ? "/" : path;
    }
}
