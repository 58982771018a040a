package org.duban.app.audit.chain;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Walks the chain in pages of {@code duban.audit.verification.page-size} links with their events, recomputes
 * every hash from the stored row and reports where the chain does not hold. Reads only; needs nothing but JDBC,
 * so the command-line mode runs it without the rest of the application.
 */
@Component
public class ChainVerifier {
    static final int MAX_PROBLEMS = 20;
    private static final String PAGE = "select l.position, l.global_index, l.event_identifier, l.algorithm, "
            + "l.prev_hash, l.hash, " + ChainedEvent.COLUMNS + " from audit_chain_link l "
            + "left join domain_event_entry e on e.global_index = l.global_index "
            + "where l.position > ? and l.position <= ? order by l.position limit ?";

    private final JdbcTemplate jdbc;
    private final int pageSize;

    public ChainVerifier(JdbcTemplate jdbc, AuditProperties properties) {
        this.jdbc = jdbc;
        this.pageSize = properties.verification().pageSize();
    }

    public Optional<ChainHead> head() {
        return jdbc.query("select position, global_index, hash, algorithm, updated_at from audit_chain_head where id = 1",
                (row, n) -> new ChainHead(row.getLong(1), row.getObject(2, Long.class), ChainHash.hex(row.getBytes(3)),
                        row.getString(4), row.getObject(5, OffsetDateTime.class))).stream().findFirst();
    }

    /** The whole chain, its head and the events off it, against the database alone (no anchor). */
    public ChainVerification verify() {
        return verify(null, null, null, null);
    }

    /** As {@link #verify(Long, Long, String, ChainAnchorFile.Reading)}, against the database alone. */
    public ChainVerification verify(Long from, Long to, String expectedHead) {
        return verify(from, to, expectedHead, null);
    }

    /**
     * @param from         first position to check, 1 when null
     * @param to           last position to check, the head when null
     * @param expectedHead {@code position:hash} recorded earlier, checked to be still on the chain; may be null
     * @param anchors      the anchor file as read before the walk: a verification of the whole chain without an
     *                     expected head checks that the chain still holds its last anchor; may be null
     */
    public ChainVerification verify(Long from, Long to, String expectedHead, ChainAnchorFile.Reading anchors) {
        long started = System.nanoTime();
        long first = from == null ? 1 : from;
        if (first < 1) {
            throw new IllegalArgumentException("parameter from: positions start at 1, not " + first);
        }
        if (to != null && to < first) {
            throw new IllegalArgumentException("parameter to: " + to + " is before from " + first);
        }
        ExpectedHead expected = expectedHead == null ? null : ExpectedHead.parse(expectedHead);

        Problems problems = new Problems();
        ChainHead head = head().orElse(null);
        long last;
        if (head == null) {
            last = maxLinkPosition();
            problems.add(ChainProblem.ofHead(ChainProblem.Kind.HEAD_MISSING, null,
                    "audit_chain_head has no row; the links end at position " + last));
        } else {
            last = head.position();
        }
        if (from != null && first > last) {
            throw new IllegalArgumentException("parameter from: the chain ends at position " + last + ", before " + first);
        }
        long end = to == null ? last : Math.min(to, last);
        boolean complete = first == 1 && (to == null || to >= last);

        byte[] previousHash = null;
        if (first > 1) {
            previousHash = jdbc.query("select hash from audit_chain_link where position = ?",
                    (row, n) -> row.getBytes(1), first - 1).stream().findFirst().orElse(null);
            if (previousHash == null) {
                problems.add(ChainProblem.ofHead(ChainProblem.Kind.LINK_MISSING, first - 1,
                        "the link before the range is missing, so the range cannot be anchored"));
            }
        }

        long expectedPosition = first;
        long checked = 0;
        long after = first - 1;
        while (after < end) {
            List<Link> page = jdbc.query(PAGE, (row, n) -> Link.read(row), after, end, pageSize);
            if (page.isEmpty()) {
                break;
            }
            for (Link link : page) {
                if (link.position() != expectedPosition) {
                    problems.add(ChainProblem.ofHead(ChainProblem.Kind.LINK_MISSING, expectedPosition,
                            "positions " + expectedPosition + ".." + (link.position() - 1) + " are missing from the chain"));
                    previousHash = null; // the missing links are the problem; this one is checked on its own
                }
                check(link, previousHash, problems);
                previousHash = link.hash();
                expectedPosition = link.position() + 1;
                after = link.position();
                checked++;
            }
        }

        if (expectedPosition <= end) {
            if (end == last && head != null) {
                problems.add(new ChainProblem(ChainProblem.Kind.TAIL_TRUNCATED, expectedPosition, head.globalIndex(),
                        null, null, null, "the head records position " + head.position() + " (hash " + head.hash()
                        + ") but the chain ends at position " + (expectedPosition - 1)));
            } else {
                problems.add(ChainProblem.ofHead(ChainProblem.Kind.LINK_MISSING, expectedPosition,
                        "positions " + expectedPosition + ".." + end + " are missing from the chain"));
            }
        } else if (end == last && head != null && last > 0 && previousHash != null
                && !Arrays.equals(previousHash, ChainHash.unhex(head.hash()))) {
            problems.add(ChainProblem.ofHead(ChainProblem.Kind.HEAD_MISMATCH, last, "the head records hash "
                    + head.hash() + " but the link at position " + last + " has " + ChainHash.hex(previousHash)));
        }
        if (complete) {
            checkNothingBeyondHead(problems);
            unchainedEvents(problems);
        }
        if (expected != null) {
            checkExpectedHead(expected, problems);
        }
        List<String> warnings = new ArrayList<>();
        ChainAnchor anchor = null;
        if (complete && expected == null && anchors != null) {
            warnings.addAll(anchors.warnings());
            anchor = anchors.last();
            if (anchor != null) {
                checkAnchor(anchor, head, problems);
            } else if (last > 0) {
                warnings.add("no head of this chain was anchored outside the database"
                        + (anchors.file() == null ? "" : " in " + anchors.file())
                        + ", so a cut-off tail with a rewritten head would go unnoticed until the application has "
                        + "anchored a verified head there");
            }
        }

        long nanos = Math.max(1, System.nanoTime() - started);
        return new ChainVerification(problems.list.isEmpty(), complete, first, Math.max(end, first - 1), checked,
                head, expectedHead, anchor, problems.list.isEmpty() ? null : problems.list.get(0),
                List.copyOf(problems.list), List.copyOf(warnings), OffsetDateTime.now(ZoneOffset.UTC),
                nanos / 1_000_000, checked * 1_000_000_000L / nanos);
    }

    /**
     * The database alone cannot tell a cut-off tail under a consistently rewritten head from a shorter chain; the
     * anchor can: the chain must still hold the anchored link, with the anchored hash, at or before its head.
     */
    private void checkAnchor(ChainAnchor anchor, ChainHead head, Problems problems) {
        String held = "the chain no longer holds the head anchored at "
                + DateTimeFormatter.ISO_INSTANT.format(anchor.anchoredAt()) + ": position "
                + anchor.position() + " (" + anchor.algorithm() + " " + anchor.hash() + ")";
        List<String[]> links = jdbc.query("select hash, algorithm from audit_chain_link where position = ?",
                (row, n) -> new String[]{ChainHash.hex(row.getBytes(1)), row.getString(2)}, anchor.position());
        String[] link = links.isEmpty() ? null : links.get(0);
        if (head != null && head.position() < anchor.position()) {
            problems.add(ChainProblem.ofHead(ChainProblem.Kind.ANCHORED_HEAD_NOT_ON_CHAIN, anchor.position(), held
                    + " lies beyond the head, which is at position " + head.position() + " (" + head.hash()
                    + "): the tail was cut off" + (link == null ? "" : " and links beyond the head remain")));
        } else if (link == null) {
            problems.add(ChainProblem.ofHead(ChainProblem.Kind.ANCHORED_HEAD_NOT_ON_CHAIN, anchor.position(),
                    held + " has no link any more"));
        } else if (!link[0].equals(anchor.hash()) || !link[1].equals(anchor.algorithm())) {
            problems.add(ChainProblem.ofHead(ChainProblem.Kind.ANCHORED_HEAD_NOT_ON_CHAIN, anchor.position(), held
                    + " now has " + link[1] + " " + link[0] + ": the chain was rewritten up to there"));
        }
    }

    private static void check(Link link, byte[] previousHash, Problems problems) {
        HashAlgorithm algorithm;
        try {
            algorithm = HashAlgorithm.ofLabel(link.algorithm());
        } catch (IllegalArgumentException e) {
            problems.add(link.problem(ChainProblem.Kind.UNKNOWN_ALGORITHM, e.getMessage()));
            return;
        }
        byte[] expectedPrevious = link.position() == 1 ? ChainHash.genesis(algorithm) : previousHash;
        if (expectedPrevious != null && !Arrays.equals(expectedPrevious, link.previousHash())) {
            problems.add(link.problem(ChainProblem.Kind.LINK_BROKEN, "the link's previous hash "
                    + ChainHash.hex(link.previousHash()) + " is not the hash before it, " + ChainHash.hex(expectedPrevious)));
            return;
        }
        ChainedEvent event = link.event();
        if (event == null) {
            problems.add(link.problem(ChainProblem.Kind.EVENT_MISSING,
                    "no event is stored at global index " + link.globalIndex()));
            return;
        }
        if (!event.eventIdentifier().equals(link.eventIdentifier())) {
            problems.add(new ChainProblem(ChainProblem.Kind.EVENT_REPLACED, link.position(), link.globalIndex(),
                    link.eventIdentifier(), event.aggregateIdentifier(), event.sequenceNumber(), "the link is for event "
                    + link.eventIdentifier() + " but global index " + link.globalIndex() + " holds event "
                    + event.eventIdentifier()));
            return;
        }
        byte[] hash = ChainHash.of(algorithm, link.previousHash(), link.position(), event);
        if (!Arrays.equals(hash, link.hash())) {
            problems.add(new ChainProblem(ChainProblem.Kind.HASH_MISMATCH, link.position(), link.globalIndex(),
                    event.eventIdentifier(), event.aggregateIdentifier(), event.sequenceNumber(), "the stored event "
                    + event.payloadType() + " hashes to " + ChainHash.hex(hash) + ", the link records "
                    + ChainHash.hex(link.hash()) + ": the event was changed after it was stored"));
        }
    }

    /** Links committed after the head was read have moved the head too: read the links first, then the head. */
    private void checkNothingBeyondHead(Problems problems) {
        long lastLink = maxLinkPosition();
        head().ifPresent(now -> {
            if (lastLink > now.position()) {
                problems.add(ChainProblem.ofHead(ChainProblem.Kind.HEAD_MISMATCH, now.position() + 1, "links up to "
                        + "position " + lastLink + " lie beyond the head at position " + now.position()));
            }
        });
    }

    /** Events commit together with their links, so a committed event without one was never chained here. */
    private void unchainedEvents(Problems problems) {
        jdbc.query("select e.global_index, e.event_identifier, e.aggregate_identifier, e.sequence_number "
                        + "from domain_event_entry e where not exists "
                        + "(select 1 from audit_chain_link l where l.global_index = e.global_index) "
                        + "order by e.global_index limit " + MAX_PROBLEMS,
                (row, n) -> new ChainProblem(ChainProblem.Kind.UNCHAINED_EVENT, null, row.getLong(1), row.getString(2),
                        row.getString(3), row.getLong(4), "the event is stored but not on the chain"))
                .forEach(problems::add);
    }

    private void checkExpectedHead(ExpectedHead expected, Problems problems) {
        byte[] hash = jdbc.query("select hash from audit_chain_link where position = ?", (row, n) -> row.getBytes(1),
                expected.position()).stream().findFirst().orElse(null);
        if (hash == null) {
            problems.add(ChainProblem.ofHead(ChainProblem.Kind.EXPECTED_HEAD_NOT_ON_CHAIN, expected.position(),
                    "the chain has no link at position " + expected.position() + " any more"));
        } else if (!Arrays.equals(hash, expected.hash())) {
            problems.add(ChainProblem.ofHead(ChainProblem.Kind.EXPECTED_HEAD_NOT_ON_CHAIN, expected.position(),
                    "the link at position " + expected.position() + " has hash " + ChainHash.hex(hash) + ", not "
                            + ChainHash.hex(expected.hash())));
        }
    }

    private long maxLinkPosition() {
        Long max = jdbc.queryForObject("select max(position) from audit_chain_link", Long.class);
        return max == null ? 0 : max;
    }

    private record ExpectedHead(long position, byte[] hash) {
        static ExpectedHead parse(String text) {
            int colon = text.indexOf(':');
            try {
                long position = Long.parseLong(text.substring(0, Math.max(0, colon)).trim());
                byte[] hash = ChainHash.unhex(text.substring(colon + 1).trim().toLowerCase());
                if (position < 1 || hash.length == 0) {
                    throw new IllegalArgumentException();
                }
                return new ExpectedHead(position, hash);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("parameter head: \"" + text + "\" is not of the form "
                        + "<position>:<hash in hex>, e.g. 42:66c7f0f4...");
            }
        }
    }

    private record Link(long position, long globalIndex, String eventIdentifier, String algorithm, byte[] previousHash,
                        byte[] hash, ChainedEvent event) {
        static Link read(ResultSet row) throws SQLException {
            ChainedEvent event = row.getObject(7) == null ? null : ChainedEvent.read(row, 7);
            return new Link(row.getLong(1), row.getLong(2), row.getString(3), row.getString(4), row.getBytes(5),
                    row.getBytes(6), event);
        }

        ChainProblem problem(ChainProblem.Kind kind, String detail) {
            return new ChainProblem(kind, position, globalIndex, eventIdentifier,
                    event == null ? null : event.aggregateIdentifier(), event == null ? null : event.sequenceNumber(), detail);
        }
    }

    private static final class Problems {
        final List<ChainProblem> list = new ArrayList<>();

        void add(ChainProblem problem) {
            if (list.size() < MAX_PROBLEMS) {
                list.add(problem);
            }
        }
    }
}
