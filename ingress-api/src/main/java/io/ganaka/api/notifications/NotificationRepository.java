package io.ganaka.api.notifications;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGStatement;

/**
 * Reads the {@code notifications} table the sinks write. Every query names {@code user_id}: one hash partition, and
 * another user's notifications are simply not there.
 */
public final class NotificationRepository {

    static final String LIST_SQL = """
            SELECT id, kind, channel, status, subject, created_at, sent_at, attempts, last_error
              FROM notifications
             WHERE user_id = ?
               AND (CAST(? AS timestamptz) IS NULL OR (created_at, id) < (CAST(? AS timestamptz), CAST(? AS uuid)))
               AND (CAST(? AS text) IS NULL OR status = CAST(? AS text))
               AND (CAST(? AS text) IS NULL OR channel = CAST(? AS text))
             ORDER BY created_at DESC, id DESC
             LIMIT ?
            """;

    private final DataSource db;

    public NotificationRepository(DataSource db) {
        this.db = db;
    }

    /** Up to {@code rows} of the user's notifications matching the request, newest first, after its cursor. */
    public List<NotificationView> list(UUID userId, NotificationListRequest request, int rows) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(LIST_SQL)) {
            // Planned with the values each time, so that absent filters fold away (as for the expense list).
            s.unwrap(PGStatement.class).setPrepareThreshold(0);
            NotificationCursor after = request.after();
            OffsetDateTime afterAt = after == null ? null : after.createdAt().atOffset(ZoneOffset.UTC);
            int i = 0;
            s.setObject(++i, userId);
            s.setObject(++i, afterAt);
            s.setObject(++i, afterAt);
            s.setObject(++i, after == null ? null : after.id());
            s.setString(++i, request.status());
            s.setString(++i, request.status());
            s.setString(++i, request.channel());
            s.setString(++i, request.channel());
            s.setInt(++i, rows);
            List<NotificationView> page = new ArrayList<>(rows);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    page.add(new NotificationView(rs.getString("id"), rs.getString("kind"), rs.getString("channel"),
                            rs.getString("status"), rs.getString("subject"), instant(rs, "created_at"),
                            instant(rs, "sent_at"), rs.getInt("attempts"), rs.getString("last_error")));
                }
            }
            return page;
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
