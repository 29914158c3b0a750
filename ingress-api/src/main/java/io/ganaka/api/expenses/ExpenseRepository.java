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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGStatement;

/**
 * Reads the {@code expenses} projection the sinks write. Every query names {@code user_id}, which keeps it on one
 * hash partition and makes another user's expense simply not found.
 */
public final class ExpenseRepository {

    private static final String COLUMNS = "id, version, amount, currency, description, merchant, occurred_at,"
            + " category_id, categorized_by, tags, notes, created_at, updated_at";

    /**
     * One page of a user's list, newest first, keyset-paginated on {@code (occurred_at, id)} so that it is served by
     * {@code expenses_user_occurred}. Every filter is optional: its condition is {@code (param IS NULL OR ...)}, which
     * the planner folds away when it plans with the actual values (see {@link #list}). Bound by {@link #bindList}.
     */
    public static final String LIST_SQL = "SELECT " + COLUMNS + """
             FROM expenses
            WHERE user_id = ? AND NOT deleted
              AND (CAST(? AS timestamptz) IS NULL OR (occurred_at, id) < (CAST(? AS timestamptz), CAST(? AS uuid)))
              AND (CAST(? AS timestamptz) IS NULL OR occurred_at >= CAST(? AS timestamptz))
              AND (CAST(? AS timestamptz) IS NULL OR occurred_at < CAST(? AS timestamptz))
              AND (CAST(? AS boolean) IS NOT TRUE OR category_id IS NULL)
              AND (CAST(? AS uuid) IS NULL OR category_id = CAST(? AS uuid))
              AND (CAST(? AS numeric) IS NULL OR amount >= CAST(? AS numeric))
              AND (CAST(? AS numeric) IS NULL OR amount <= CAST(? AS numeric))
              AND (CAST(? AS text) IS NULL OR currency = CAST(? AS bpchar))
              AND (CAST(? AS text) IS NULL OR description ILIKE CAST(? AS text) ESCAPE '\\'
                                           OR merchant ILIKE CAST(? AS text) ESCAPE '\\')
            ORDER BY occurred_at DESC, id DESC
            LIMIT ?
            """;

    private final DataSource db;

    public ExpenseRepository(DataSource db) {
        this.db = db;
    }

    /**
     * Up to {@code rows} of the user's expenses matching the request, newest first, after its cursor. Asking for one
     * more row than the page holds tells the caller whether another page follows.
     */
    public List<ExpenseView> list(UUID userId, ExpenseListRequest request, int rows) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(LIST_SQL)) {
            // Never a server-side prepared statement: a cached generic plan would keep the "IS NULL OR" conditions
            // as filters and read each deep page from the top; planned with the values, they become index bounds.
            s.unwrap(PGStatement.class).setPrepareThreshold(0);
            bindList(s, userId, request, rows);
            List<ExpenseView> page = new ArrayList<>(rows);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    page.add(view(rs));
                }
            }
            return page;
        }
    }

    /** Binds {@link #LIST_SQL}'s parameters, in its order; also used to EXPLAIN exactly what {@link #list} runs. */
    static void bindList(PreparedStatement s, UUID userId, ExpenseListRequest request, int rows) throws SQLException {
        ExpenseFilter f = request.filter();
        ExpenseCursor after = request.after();
        OffsetDateTime afterAt = after == null ? null : utc(after.occurredAt());
        String text = f.textPattern().orElse(null);
        List<Object> values = Arrays.asList(
                userId,
                afterAt, afterAt, after == null ? null : after.id(),
                utc(f.from()), utc(f.from()),
                utc(f.to()), utc(f.to()),
                f.uncategorized(),
                f.categoryId(), f.categoryId(),
                f.minAmount(), f.minAmount(),
                f.maxAmount(), f.maxAmount(),
                f.currency(), f.currency(),
                text, text, text,
                rows);
        for (int i = 0; i < values.size(); i++) {
            s.setObject(i + 1, values.get(i));
        }
    }

    public Optional<ExpenseView> find(UUID userId, UUID expenseId) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT " + COLUMNS + " FROM expenses WHERE user_id = ? AND id = ? AND NOT deleted")) {
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

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
