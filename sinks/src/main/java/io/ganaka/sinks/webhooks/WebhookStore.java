package io.ganaka.sinks.webhooks;

import io.ganaka.schemas.webhooks.WebhookDeliveryLog;
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
 * since the event), and each attempt kept in {@code webhook_deliveries}, the newest {@value WebhookDeliveryLog#KEPT_ATTEMPTS} per webhook.
 */
public final class WebhookStore {

    private static final String FOREIGN_KEY_VIOLATION = "23503";

    /** A webhook now: where it sends, whether it is on, and the event types it still wants. */
    public record StoredWebhook(WebhookSubscriber subscriber, boolean active, List<String> eventTypes) {}


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
     * attempts beyond the newest {@value WebhookDeliveryLog#KEPT_ATTEMPTS}. An attempt for a webhook deleted meanwhile is dropped.
     */
    public void record(WebhookDeliveryLog.Attempt a) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                WebhookDeliveryLog.record(c, a);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                if (!FOREIGN_KEY_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
            }
        }
    }
}
