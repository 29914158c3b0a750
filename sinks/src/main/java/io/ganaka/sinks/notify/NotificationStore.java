package io.ganaka.sinks.notify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The {@code notifications} table as the dispatcher uses it: claiming due rows, recording each attempt's outcome, and
 * the final outcomes whose {@code notification.sent} event is still to be produced. Every outcome is written only
 * while the row is still pending, so a late writer can never undo a final status.
 */
final class NotificationStore {

    /**
     * Claims due rows by moving their due time one lease ahead; a dispatcher that dies while delivering leaves them
     * due again when the lease ends. SKIP LOCKED lets several dispatchers claim side by side without waiting.
     */
    private static final String CLAIM = """
            UPDATE notifications n SET next_attempt_at = ?
              FROM (SELECT user_id, id FROM notifications
                     WHERE namespace = ? AND status = 'pending' AND next_attempt_at <= ?
                     ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED) due
             WHERE n.user_id = due.user_id AND n.id = due.id
            RETURNING n.id, n.user_id, n.kind, n.channel, n.subject, n.body, n.body_html, n.recipient,
                      n.source_event_id, n.attempts, n.created_at
            """;
    private static final String PENDING = " WHERE user_id = ? AND id = ? AND status = 'pending'";

    /** A final outcome waiting for its event. */
    record Outcome(UUID userId, UUID notificationId, String kind, String channel, String status, UUID sourceEventId,
                   int attempts, String error, Instant at) {}

    /** Produces the events of final outcomes; returns only once all are durable, else throws. */
    interface Announcer {
        void announce(List<Outcome> outcomes);
    }

    private final DataSource db;
    private final String namespace;

    /** @param namespace the installation ({@code GANAKA_PREFIX}) whose rows this store claims and announces */
    NotificationStore(DataSource db, String namespace) {
        this.db = db;
        this.namespace = namespace;
    }

    List<Notification> claim(Instant now, int limit, Instant leaseEnd) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(CLAIM)) {
            s.setObject(1, utc(leaseEnd));
            s.setString(2, namespace);
            s.setObject(3, utc(now));
            s.setInt(4, limit);
            List<Notification> claimed = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    claimed.add(new Notification(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                            rs.getString("kind"), rs.getString("channel"), rs.getString("subject"),
                            rs.getString("body"), rs.getString("body_html"), rs.getString("recipient"),
                            rs.getObject("source_event_id", UUID.class), rs.getInt("attempts"),
                            rs.getObject("created_at", OffsetDateTime.class).toInstant()));
                }
            }
            return claimed;
        }
    }

    Map<UUID, UserContact> users(Collection<UUID> userIds) throws SQLException {
        try (Connection c = db.getConnection()) {
            return UserContacts.read(c, userIds);
        }
    }

    void sent(Notification n, int attempts, Instant at) throws SQLException {
        update("UPDATE notifications SET status = 'sent', attempts = ?, sent_at = ?, last_error = NULL" + PENDING,
                n, attempts, utc(at));
    }

    void retry(Notification n, int attempts, Instant next, String error) throws SQLException {
        update("UPDATE notifications SET attempts = ?, next_attempt_at = ?, last_error = ?" + PENDING,
                n, attempts, utc(next), error);
    }

    void failed(Notification n, int attempts, String error) throws SQLException {
        update("UPDATE notifications SET status = 'failed', attempts = ?, last_error = ?" + PENDING,
                n, attempts, error);
    }

    void skipped(Notification n, String reason) throws SQLException {
        update("UPDATE notifications SET status = 'skipped', last_error = ?" + PENDING, n, reason);
    }

    /** Not attempted now (quiet hours, an open circuit): due again at {@code until}, attempts unchanged. */
    void defer(Notification n, Instant until) throws SQLException {
        update("UPDATE notifications SET next_attempt_at = ?" + PENDING, n, utc(until));
    }

    private void update(String sql, Notification n, Object... values) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            int i = 0;
            for (Object value : values) {
                s.setObject(++i, value);
            }
            s.setObject(++i, n.userId());
            s.setObject(++i, n.id());
            s.executeUpdate();
        }
    }

    /**
     * Hands up to {@code limit} final outcomes without an event to {@code announcer} and marks them announced once it
     * returned, in one transaction: a crash in between leaves them unmarked, so their events are produced again (with
     * the same ids), never lost.
     *
     * @return how many were announced
     */
    int announce(int limit, Announcer announcer) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<Outcome> outcomes = unannounced(c, namespace, limit);
                if (!outcomes.isEmpty()) {
                    announcer.announce(outcomes);
                    markAnnounced(c, outcomes);
                }
                c.commit();
                return outcomes.size();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static List<Outcome> unannounced(Connection c, String namespace, int limit) throws SQLException {
        List<Outcome> outcomes = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT user_id, id, kind, channel, status, source_event_id, attempts, last_error,
                       COALESCE(sent_at, now()) AS at
                  FROM notifications WHERE namespace = ? AND status <> 'pending' AND announced_at IS NULL
                 LIMIT ? FOR UPDATE SKIP LOCKED
                """)) {
            s.setString(1, namespace);
            s.setInt(2, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    outcomes.add(new Outcome(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getObject(6, UUID.class),
                            rs.getInt(7), rs.getString(8), rs.getObject(9, OffsetDateTime.class).toInstant()));
                }
            }
        }
        return outcomes;
    }

    private static void markAnnounced(Connection c, List<Outcome> outcomes) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE notifications SET announced_at = now() WHERE user_id = ? AND id = ?")) {
            for (Outcome o : outcomes) {
                s.setObject(1, o.userId());
                s.setObject(2, o.notificationId());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
