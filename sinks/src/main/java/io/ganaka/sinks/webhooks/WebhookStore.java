package io.ganaka.sinks.webhooks;

import io.ganaka.schemas.webhooks.DeliveryOutcome;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The webhooks as a delivery needs them: one webhook read as it is now (it may have been changed, paused or deleted
 * since the event), and each attempt kept in {@code webhook_deliveries}, the newest {@value #KEPT_ATTEMPTS} per webhook.
 */
public final class WebhookStore {

    public static final int KEPT_ATTEMPTS = 50;
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    /** A webhook now: where it sends, whether it is on, and the event types it still wants. */
    public record StoredWebhook(WebhookSubscriber subscriber, boolean active, List<String> eventTypes) {}

    /** One attempt as {@code webhook_deliveries} keeps it; {@code attempt} counts from 1 for each delivery. */
    public record Attempt(UUID userId, UUID webhookId, UUID deliveryId, int attempt, String eventId,
                          String eventType, DeliveryOutcome outcome) {}

    private final DataSource db;

    public WebhookStore(DataSource db) {
        this.db = db;
    }

    public Optional<StoredWebhook> find(UUID userId, UUID webhookId) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT url, secret, active, event_types FROM webhooks WHERE user_id = ? AND id = ?")) {
            s.setObject(1, userId);
            s.setObject(2, webhookId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Array types = rs.getArray(4);
                return Optional.of(new StoredWebhook(
                        new WebhookSubscriber(userId, webhookId, rs.getString(1), rs.getString(2)), rs.getBoolean(3),
                        List.of((String[]) types.getArray())));
            }
        }
    }

    /**
     * Keeps an attempt (an attempt repeated after a crash replaces the first record of it) and drops the webhook's
     * attempts beyond the newest {@value #KEPT_ATTEMPTS}. An attempt for a webhook deleted meanwhile is dropped.
     */
    public void record(Attempt a) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                insert(c, a);
                prune(c, a.userId(), a.webhookId());
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                if (!FOREIGN_KEY_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
            }
        }
    }

    private static void insert(Connection c, Attempt a) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO webhook_deliveries (user_id, webhook_id, delivery_id, attempt, event_id, event_type,
                                                outcome, status_code, duration_ms, error)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (user_id, webhook_id, delivery_id, attempt) DO UPDATE
                   SET outcome = excluded.outcome, status_code = excluded.status_code,
                       duration_ms = excluded.duration_ms, error = excluded.error, attempted_at = now()
                """)) {
            s.setObject(1, a.userId());
            s.setObject(2, a.webhookId());
            s.setObject(3, a.deliveryId());
            s.setInt(4, a.attempt());
            s.setString(5, a.eventId());
            s.setString(6, a.eventType());
            s.setString(7, a.outcome().result().wireName());
            s.setObject(8, a.outcome().statusCode());
            s.setLong(9, a.outcome().duration().toMillis());
            s.setString(10, a.outcome().error());
            s.executeUpdate();
        }
    }

    private static void prune(Connection c, UUID userId, UUID webhookId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM webhook_deliveries WHERE user_id = ?"
                + " AND webhook_id = ? AND attempted_at < (SELECT min(attempted_at) FROM (SELECT attempted_at"
                + " FROM webhook_deliveries WHERE user_id = ? AND webhook_id = ? ORDER BY attempted_at DESC"
                + " LIMIT ?) newest)")) {
            s.setObject(1, userId);
            s.setObject(2, webhookId);
            s.setObject(3, userId);
            s.setObject(4, webhookId);
            s.setInt(5, KEPT_ATTEMPTS);
            s.executeUpdate();
        }
    }
}
