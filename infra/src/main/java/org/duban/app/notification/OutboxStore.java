package org.duban.app.notification;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The outbox and the delivery log (V14). A message is claimed by one node at a time with a conditional update
 * (claimed_by, claimed_until): the update that finds the row still unclaimed wins, on H2 and PostgreSQL alike, and a
 * claim lapses after {@code claimFor} so a node that died while sending does not hold its messages for ever.
 */
@Component
class OutboxStore {
    static final String PENDING = "PENDING";
    static final String SENT = "SENT";
    static final String FAILED = "FAILED";
    /** A failed attempt that will be tried again. */
    static final String RETRY = "RETRY";

    private final JdbcTemplate jdbc;

    OutboxStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A message to send: one per event, unit and channel. */
    record OutboxMessage(String id, String eventId, String eventType, String unitId, String unitName, Channel channel,
                         String recipient, String subject, String body, String link, boolean listed) {
        OutboxMessage(String eventId, String eventType, String unitId, String unitName, Channel channel,
                      String recipient, NotificationMessages.Message message, boolean listed) {
            this(eventId + "/" + unitId + "/" + channel, eventId, eventType, unitId, unitName, channel, recipient,
                    message.subject(), message.text(), message.link(), listed);
        }
    }

    /** A message claimed for sending, with the attempts made before. */
    record Claimed(OutboxMessage message, int attempts) {
    }

    /** One attempt as the log shows it. */
    record Delivery(String id, String eventId, String eventType, String unitId, String unitName, Channel channel,
                    String recipient, int attempt, Instant attemptedAt, String outcome, String error) {
    }

    /** A message not sent yet: waiting for its time (held for the night, or a retry) or being sent. */
    record Waiting(String id, String eventType, String unitId, String unitName, Channel channel, String subject,
                   boolean listed, int attempts, Instant nextAttemptAt, boolean held, Instant createdAt) {
    }

    /** Adds the message unless it is there already (the same event handled again adds nothing). */
    void add(OutboxMessage m, Instant now) {
        Integer there = jdbc.queryForObject("select count(*) from notification_outbox where id = ?", Integer.class, m.id());
        if (there != null && there > 0) {
            return;
        }
        jdbc.update("insert into notification_outbox (id, event_id, event_type, unit_id, unit_name, channel, recipient, "
                        + "subject, body, link, listed, status, attempts, next_attempt_at, held, created_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, false, ?)",
                m.id(), m.eventId(), m.eventType(), m.unitId(), m.unitName(), m.channel().name(), m.recipient(),
                m.subject(), m.body(), m.link(), m.listed(), PENDING, ts(now), ts(now));
    }

    /** The messages due by now and not claimed by a live claim, oldest first. */
    List<String> due(Instant now, int limit) {
        return jdbc.queryForList("select id from notification_outbox where status = ? and next_attempt_at <= ? "
                        + "and (claimed_until is null or claimed_until < ?) order by next_attempt_at, created_at, id "
                        + "fetch first " + limit + " rows only", String.class, PENDING, ts(now), ts(now));
    }

    /** Claims the message for this node, if it is still due and unclaimed; empty when another node was first. */
    Optional<Claimed> claim(String id, String node, Instant now, Instant until) {
        int claimed = jdbc.update("update notification_outbox set claimed_by = ?, claimed_until = ? where id = ? "
                        + "and status = ? and next_attempt_at <= ? and (claimed_until is null or claimed_until < ?)",
                node, ts(until), id, PENDING, ts(now), ts(now));
        if (claimed == 0) {
            return Optional.empty();
        }
        return jdbc.query("select * from notification_outbox where id = ?", (rs, i) -> new Claimed(message(rs),
                rs.getInt("attempts")), id).stream().findFirst();
    }

    /** Puts a claimed message back until the quiet hours end. */
    void hold(String id, String node, Instant until) {
        jdbc.update("update notification_outbox set next_attempt_at = ?, held = true, claimed_by = null, "
                + "claimed_until = null where id = ? and claimed_by = ?", ts(until), id, node);
    }

    /**
     * Records an attempt: in the log, and on the message its new state (sent, failed for good, or due again at
     * {@code retryAt}).
     */
    void attempted(Claimed claimed, String node, Instant at, String outcome, String error, Instant retryAt) {
        OutboxMessage m = claimed.message();
        int attempt = claimed.attempts() + 1;
        String status = outcome.equals(RETRY) ? PENDING : outcome;
        jdbc.update("update notification_outbox set status = ?, attempts = ?, next_attempt_at = ?, held = false, "
                        + "claimed_by = null, claimed_until = null, done_at = ?, last_error = ? where id = ? and claimed_by = ?",
                status, attempt, ts(retryAt == null ? at : retryAt), status.equals(PENDING) ? null : ts(at), error,
                m.id(), node);
        jdbc.update("insert into notification_delivery (id, outbox_id, event_id, event_type, unit_id, unit_name, channel, "
                        + "recipient, attempt, attempted_at, outcome, error) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                UUID.randomUUID().toString(), m.id(), m.eventId(), m.eventType(), m.unitId(), m.unitName(),
                m.channel().name(), shownRecipient(m), attempt, ts(at), outcome, error);
    }

    /** The newest attempts first, of one unit and of one outcome when given. */
    List<Delivery> deliveries(String unitId, String outcome, int limit) {
        StringBuilder sql = new StringBuilder("select * from notification_delivery where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (unitId != null) {
            sql.append(" and unit_id = ?");
            args.add(unitId);
        }
        if (outcome != null) {
            sql.append(" and outcome = ?");
            args.add(outcome);
        }
        sql.append(" order by attempted_at desc, id fetch first ").append(limit).append(" rows only");
        return jdbc.query(sql.toString(), (rs, i) -> new Delivery(rs.getString("id"), rs.getString("event_id"),
                rs.getString("event_type"), rs.getString("unit_id"), rs.getString("unit_name"),
                Channel.valueOf(rs.getString("channel")), rs.getString("recipient"), rs.getInt("attempt"),
                rs.getTimestamp("attempted_at").toInstant(), rs.getString("outcome"), rs.getString("error")),
                args.toArray());
    }

    List<Waiting> waiting(String unitId, int limit) {
        StringBuilder sql = new StringBuilder("select * from notification_outbox where status = ?");
        List<Object> args = new ArrayList<>(List.of(PENDING));
        if (unitId != null) {
            sql.append(" and unit_id = ?");
            args.add(unitId);
        }
        sql.append(" order by next_attempt_at, id fetch first ").append(limit).append(" rows only");
        return jdbc.query(sql.toString(), (rs, i) -> new Waiting(rs.getString("id"), rs.getString("event_type"),
                rs.getString("unit_id"), rs.getString("unit_name"), Channel.valueOf(rs.getString("channel")),
                rs.getString("subject"), rs.getBoolean("listed"), rs.getInt("attempts"),
                rs.getTimestamp("next_attempt_at").toInstant(), rs.getBoolean("held"),
                rs.getTimestamp("created_at").toInstant()), args.toArray());
    }

    /** A robot's address carries its access token: the log keeps the host and path only. */
    static String shownRecipient(OutboxMessage m) {
        if (m.channel() == Channel.EMAIL) {
            return m.recipient();
        }
        int query = m.recipient().indexOf('?');
        return query < 0 ? m.recipient() : m.recipient().substring(0, query) + "?…";
    }

    private static OutboxMessage message(ResultSet rs) throws SQLException {
        return new OutboxMessage(rs.getString("id"), rs.getString("event_id"), rs.getString("event_type"),
                rs.getString("unit_id"), rs.getString("unit_name"), Channel.valueOf(rs.getString("channel")),
                rs.getString("recipient"), rs.getString("subject"), rs.getString("body"), rs.getString("link"),
                rs.getBoolean("listed"));
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }
}
