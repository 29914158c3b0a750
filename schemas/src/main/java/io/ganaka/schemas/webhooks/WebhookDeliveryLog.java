package io.ganaka.schemas.webhooks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The history of delivery attempts in {@code webhook_deliveries}, written by the API's test deliveries and the
 * notification dispatcher alike: one row per attempt (an attempt repeated after a crash replaces its first record),
 * and only the newest {@value #KEPT_ATTEMPTS} per webhook kept. Runs inside the caller's transaction.
 */
public final class WebhookDeliveryLog {

    public static final int KEPT_ATTEMPTS = 50;

    private WebhookDeliveryLog() {}

    /** One attempt; {@code attempt} counts from 1 for each delivery. */
    public record Attempt(UUID userId, UUID webhookId, UUID deliveryId, int attempt, String eventId,
                          String eventType, DeliveryOutcome outcome) {}

    /** Keeps {@code a} and drops the webhook's attempts beyond the newest {@value #KEPT_ATTEMPTS}. */
    public static void record(Connection c, Attempt a) throws SQLException {
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
        try (PreparedStatement s = c.prepareStatement("""
                DELETE FROM webhook_deliveries WHERE user_id = ? AND webhook_id = ? AND attempted_at <
                    (SELECT min(attempted_at) FROM (SELECT attempted_at FROM webhook_deliveries
                      WHERE user_id = ? AND webhook_id = ? ORDER BY attempted_at DESC LIMIT ?) newest)
                """)) {
            s.setObject(1, a.userId());
            s.setObject(2, a.webhookId());
            s.setObject(3, a.userId());
            s.setObject(4, a.webhookId());
            s.setInt(5, KEPT_ATTEMPTS);
            s.executeUpdate();
        }
    }
}
