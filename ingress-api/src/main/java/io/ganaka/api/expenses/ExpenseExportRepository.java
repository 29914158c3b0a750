package io.ganaka.api.expenses;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Reads a user's live expenses for export through a server-side cursor: PostgreSQL streams rows in chunks of
 * {@link #FETCH_SIZE} only inside a transaction, so the read runs in one (read-only) transaction.
 */
public final class ExpenseExportRepository {

    static final int FETCH_SIZE = 1_000;

    private final DataSource db;

    public ExpenseExportRepository(DataSource db) {
        this.db = db;
    }

    /** One exported expense, with its category's name (null when uncategorized). */
    public record ExportRow(Instant occurredAt, BigDecimal amount, String currency, String description,
                            String merchant, String category, List<String> tags, String notes) {}

    public void forEachLive(UUID userId, Consumer<ExportRow> sink) throws SQLException {
        try (Connection c = db.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT e.occurred_at, e.amount, e.currency, e.description, e.merchant, c.name, e.tags, e.notes
                    FROM expenses e
                    LEFT JOIN categories c ON c.user_id = e.user_id AND c.id = e.category_id
                    WHERE e.user_id = ? AND NOT e.deleted
                    ORDER BY e.occurred_at, e.id""")) {
                s.setFetchSize(FETCH_SIZE);
                s.setObject(1, userId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(row(rs));
                    }
                }
            } finally {
                c.rollback();
                c.setReadOnly(false);
                c.setAutoCommit(autoCommit);
            }
        }
    }

    private static ExportRow row(ResultSet rs) throws SQLException {
        Array tags = rs.getArray(7);
        return new ExportRow(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getBigDecimal(2),
                rs.getString(3).strip(), rs.getString(4), rs.getString(5), rs.getString(6),
                tags == null ? List.of() : List.of((String[]) tags.getArray()), rs.getString(8));
    }
}
