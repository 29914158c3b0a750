package io.ganaka.api.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.ganaka.schemas.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** The {@code alerts} table as the API reads and dismisses it; every statement names the user. */
public final class AlertRepository {

    private static final String COLUMNS = "alert_id, kind, data, raised_at, dismissed_at";
    private static final String ORDER = " ORDER BY (dismissed_at IS NOT NULL), raised_at DESC, alert_id DESC LIMIT ?";
    private static final String FIRST_PAGE = "SELECT " + COLUMNS + " FROM alerts WHERE user_id = ?" + ORDER;
    private static final String NEXT_PAGE = "SELECT " + COLUMNS + " FROM alerts WHERE user_id = ? AND ("
            + "(dismissed_at IS NOT NULL) > ? OR ((dismissed_at IS NOT NULL) = ? AND (raised_at, alert_id) < (?, ?)))"
            + ORDER;
    private static final String DISMISS = "UPDATE alerts SET dismissed_at = ? WHERE user_id = ? AND alert_id = ?"
            + " AND dismissed_at IS NULL";
    private static final String ONE = "SELECT " + COLUMNS + " FROM alerts WHERE user_id = ? AND alert_id = ?";

    private final DataSource db;

    public AlertRepository(DataSource db) {
        this.db = db;
    }

    /** Up to {@code limit} alerts after the cursor (from the start when null). */
    List<AlertView> page(UUID userId, AlertCursor after, int limit) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement(after == null ? FIRST_PAGE : NEXT_PAGE)) {
            int i = 0;
            s.setObject(++i, userId);
            if (after != null) {
                s.setBoolean(++i, after.dismissed());
                s.setBoolean(++i, after.dismissed());
                s.setObject(++i, after.raisedAt().atOffset(ZoneOffset.UTC));
                s.setObject(++i, after.id());
            }
            s.setInt(++i, limit);
            List<AlertView> views = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    views.add(view(rs));
                }
            }
            return views;
        }
    }

    /**
     * Marks the alert dismissed at {@code at} unless it already is; the alert as it now stands and whether this call
     * dismissed it, or empty when the user has no such alert.
     */
    Optional<Dismissal> dismiss(UUID userId, UUID alertId, Instant at) throws SQLException {
        try (Connection c = db.getConnection()) {
            boolean changed;
            try (PreparedStatement s = c.prepareStatement(DISMISS)) {
                s.setObject(1, at.atOffset(ZoneOffset.UTC));
                s.setObject(2, userId);
                s.setObject(3, alertId);
                changed = s.executeUpdate() == 1;
            }
            try (PreparedStatement s = c.prepareStatement(ONE)) {
                s.setObject(1, userId);
                s.setObject(2, alertId);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(new Dismissal(view(rs), changed)) : Optional.empty();
                }
            }
        }
    }

    record Dismissal(AlertView alert, boolean changed) {}

    private static AlertView view(ResultSet rs) throws SQLException {
        JsonNode details;
        try {
            details = Json.MAPPER.readTree(rs.getString(3));
        } catch (JsonProcessingException e) {
            throw new SQLException("alert data is not JSON", e);
        }
        OffsetDateTime dismissed = rs.getObject(5, OffsetDateTime.class);
        return new AlertView(rs.getObject(1, UUID.class).toString(), rs.getString(2),
                dismissed == null ? "open" : "dismissed", details.path("message").asText(null),
                rs.getObject(4, OffsetDateTime.class).toInstant(), dismissed == null ? null : dismissed.toInstant(),
                details);
    }
}
