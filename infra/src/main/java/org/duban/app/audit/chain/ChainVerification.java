package org.duban.app.audit.chain;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The result of walking the chain from position {@code from} to {@code to}.
 *
 * @param intact          no problem found (and the expected head, if one was given, is on the chain)
 * @param complete        the walk covered the whole chain, so events off the chain and the head were checked too
 * @param linksChecked    links recomputed
 * @param head            the head when the walk started
 * @param expectedHead    the {@code position:hash} asked about, or null
 * @param anchor          the last anchor of the anchor file, checked to be still on the chain; null when none was
 *                        checked (an explicit head was given, a range was walked, or there is no anchor)
 * @param firstProblem    the first problem in chain order (problems of the head and unchained events come last)
 * @param problems        up to {@link ChainVerifier#MAX_PROBLEMS} problems
 * @param warnings        what kept the verification from being as strong as it should: no anchor file, a torn line
 * @param eventsPerSecond links verified per second of the walk
 */
public record ChainVerification(boolean intact, boolean complete, long from, long to, long linksChecked,
                                ChainHead head, String expectedHead, ChainAnchor anchor, ChainProblem firstProblem,
                                List<ChainProblem> problems, List<String> warnings, OffsetDateTime verifiedAt,
                                long millis, long eventsPerSecond) {

    /** Several lines for the command line and the log. */
    public String describe() {
        StringBuilder text = new StringBuilder("audit chain: ").append(intact ? "INTACT" : "BROKEN").append('\n');
        text.append("  links verified: ").append(linksChecked).append(" (positions ").append(from).append("..")
                .append(to).append(complete ? ", whole chain" : "").append(") in ").append(millis).append(" ms, ")
                .append(eventsPerSecond).append(" events/s\n");
        if (head != null) {
            text.append("  head: position ").append(head.position()).append(", global index ").append(head.globalIndex())
                    .append(", ").append(head.algorithm()).append(' ').append(head.hash()).append(", updated ")
                    .append(head.updatedAt()).append('\n');
        }
        if (expectedHead != null) {
            text.append("  expected head ").append(expectedHead).append(": ")
                    .append(problems.stream().anyMatch(p -> p.kind() == ChainProblem.Kind.EXPECTED_HEAD_NOT_ON_CHAIN)
                            ? "NOT on the chain" : "on the chain").append('\n');
        }
        if (anchor != null) {
            text.append("  anchored head ").append(anchor.reference()).append(" (").append(anchor.algorithm())
                    .append(", anchored at ").append(DateTimeFormatter.ISO_INSTANT.format(anchor.anchoredAt()))
                    .append("): ")
                    .append(problems.stream().anyMatch(p -> p.kind() == ChainProblem.Kind.ANCHORED_HEAD_NOT_ON_CHAIN)
                            ? "NOT held by the chain" : "held by the chain").append('\n');
        }
        for (ChainProblem problem : problems) {
            text.append("  ").append(problem.describe()).append('\n');
        }
        for (String warning : warnings) {
            text.append("  warning: ").append(warning).append('\n');
        }
        return text.toString();
    }
}
