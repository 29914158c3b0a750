package io.ganaka.api.webhooks;

import io.ganaka.api.db.Transactions;
import io.ganaka.api.db.UserLock;
import io.ganaka.api.errors.ConflictException;
import io.ganaka.schemas.webhooks.WebhookDeliveryLog;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Webhooks in the {@code webhooks} table and their attempts in {@code webhook_deliveries}. Creation runs under the
 * user's lock, so that two concurrent requests cannot both pass the limit. Reads never select the secret except
 * {@link #target}, which the test delivery needs.
 */
public final class WebhookRepository {

    private static final String COLUMNS = "id, url, event_types, description, active, created_at, updated_at";
    /** SQLState of a foreign-key violation: the webhook was deleted while its test delivery ran. */
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private final DataSource db;

    public WebhookRepository(DataSource db) {
        this.db = db;
    }

    public List<WebhookView> list(UUID userId) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM webhooks WHERE user_id = ? ORDER BY created_at, id")) {
            s.setObject(1, userId);
            List<WebhookView> webhooks = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    webhooks.add(view(rs));
                }
            }
            return webhooks;
        }
    }

    public Optional<WebhookView> find(UUID userId, UUID id) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM webhooks WHERE user_id = ? AND id = ?")) {
            s.setObject(1, userId);
            s.setObject(2, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(view(rs)) : Optional.empty();
            }
        }
    }

    Optional<WebhookTarget> target(UUID userId, UUID id) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT url, secret FROM webhooks WHERE user_id = ? AND id = ?")) {
            s.setObject(1, userId);
            s.setObject(2, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new WebhookTarget(rs.getString("url"), rs.getString("secret")))
                        : Optional.empty();
            }
        }
    }

    /** @throws ConflictException when the user already has {@code max} webhooks */
    public WebhookView create(UUID userId, UUID id, WebhookRequest request, String secret, int max)
            throws SQLException {
        return Transactions.run(db, c -> {
            UserLock.require(c, userId);
            if (count(c, userId) >= max) {
                throw new ConflictException("webhook-limit-reached",
                        "You have " + max + " webhooks, the most allowed; delete one first.");
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO webhooks (user_id, id, url, event_types,"
                    + " description, active, secret) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING " + COLUMNS)) {
                s.setObject(1, userId);
                s.setObject(2, id);
                bind(c, s, 3, request);
                s.setString(7, secret);
                return single(s).orElseThrow();
            }
        });
    }

    /** Replaces url, event types, description and active; empty when the user has no such webhook. */
    public Optional<WebhookView> replace(UUID userId, UUID id, WebhookRequest request) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("UPDATE webhooks SET url = ?,"
                + " event_types = ?, description = ?, active = ?, updated_at = now() WHERE user_id = ? AND id = ?"
                + " RETURNING " + COLUMNS)) {
            bind(c, s, 1, request);
            s.setObject(5, userId);
            s.setObject(6, id);
            return single(s);
        }
    }

    /** Sets a new secret; the old one stops signing at once. Empty when the user has no such webhook. */
    public Optional<WebhookView> rotateSecret(UUID userId, UUID id, String secret) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("UPDATE webhooks SET"
                + " secret = ?, updated_at = now() WHERE user_id = ? AND id = ? RETURNING " + COLUMNS)) {
            s.setString(1, secret);
            s.setObject(2, userId);
            s.setObject(3, id);
            return single(s);
        }
    }

    /** @return false when the user has no such webhook */
    public boolean delete(UUID userId, UUID id) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "DELETE FROM webhooks WHERE user_id = ? AND id = ?")) {
            s.setObject(1, userId);
            s.setObject(2, id);
            return s.executeUpdate() == 1;
        }
    }

    /**
     * Keeps an attempt in the bounded history ({@link WebhookDeliveryLog}).
     * An attempt for a webhook deleted meanwhile is dropped.
     */
    void recordAttempt(WebhookDeliveryLog.Attempt attempt) throws SQLException {
        try {
            Transactions.run(db, c -> {
                WebhookDeliveryLog.record(c, attempt);
                return null;
            });
        } catch (SQLException e) {
            if (!FOREIGN_KEY_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    private static int count(Connection c, UUID userId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM webhooks WHERE user_id = ?")) {
            s.setObject(1, userId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static void bind(Connection c, PreparedStatement s, int first, WebhookRequest request)
            throws SQLException {
        s.setString(first, request.url());
        s.setArray(first + 1, c.createArrayOf("text", request.eventTypes().toArray()));
        s.setString(first + 2, request.description());
        s.setBoolean(first + 3, request.active());
    }

    private static Optional<WebhookView> single(PreparedStatement s) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            return rs.next() ? Optional.of(view(rs)) : Optional.empty();
        }
    }

    private static WebhookView view(ResultSet rs) throws SQLException {
        Array types = rs.getArray("event_types");
        return new WebhookView(rs.getString("id"), rs.getString("url"), List.of((String[]) types.getArray()),
                rs.getString("description"), rs.getBoolean("active"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
