package io.ganaka.api.expenses;

import io.ganaka.schemas.Money;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Reads the {@code expenses} projection the sinks write. Every query names {@code user_id}, which keeps it on one
 * hash partition and makes another user's expense simply not found.
 */
public final class ExpenseRepository {

    private final DataSource db;

    public ExpenseRepository(DataSource db) {
        this.db = db;
    }

    public Optional<ExpenseView> find(UUID userId, UUID expenseId) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT id, version, amount, currency, description, merchant, occurred_at, category_id,"
                             + " categorized_by, tags, notes, created_at, updated_at"
                             + " FROM expenses WHERE user_id = ? AND id = ? AND NOT deleted")) {
            s.setObject(1, userId);
            s.setObject(2, expenseId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(view(rs)) : Optional.empty();
            }
        }
    }

    /** True when the category exists and belongs to the user. */
    public boolean categoryBelongsTo(UUID userId, UUID categoryId) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT 1 FROM categories WHERE user_id = ? AND id = ?")) {
            s.setObject(1, userId);
            s.setObject(2, categoryId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static ExpenseView view(ResultSet rs) throws SQLException {
        String currency = rs.getString("currency").strip();
        BigDecimal amount = rs.getBigDecimal("amount");
        return new ExpenseView(
                rs.getString("id"),
                rs.getLong("version"),
                Money.currency(currency).isPresent() ? Money.format(amount, currency) : amount.toPlainString(),
                currency,
                rs.getString("description"),
                rs.getString("merchant"),
                instant(rs, "occurred_at"),
                rs.getString("category_id"),
                rs.getString("categorized_by"),
                tags(rs.getArray("tags")),
                rs.getString("notes"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static List<String> tags(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
