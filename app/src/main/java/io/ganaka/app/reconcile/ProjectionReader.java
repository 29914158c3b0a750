package io.ganaka.app.reconcile;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads what the sinks projected into Postgres, for every user or only some: accounts and their time zones, every
 * row of {@code expenses} (tombstones too), and the three summary tables as labelled buckets. Each query streams its
 * rows (a cursor of 10,000 at a time) rather than loading the result at once.
 */
final class ProjectionReader {

    private static final int FETCH = 10_000;

    private final Connection connection;
    private final Optional<Set<UUID>> users;

    /** @param users the users to read; empty: everyone */
    ProjectionReader(Connection connection, Optional<Set<UUID>> users) throws SQLException {
        this.connection = connection;
        this.users = users;
        connection.setAutoCommit(false); // the PostgreSQL driver uses a cursor only inside a transaction
        connection.setReadOnly(true);
    }

    /** Each account's time zone. */
    Map<UUID, String> accounts() throws SQLException {
        Map<UUID, String> zones = new HashMap<>();
        query("SELECT id, timezone FROM users", "id", rs -> zones.put(rs.getObject(1, UUID.class), rs.getString(2)));
        return zones;
    }

    /** Every row of {@code expenses}, per user and expense id. */
    Map<UUID, Map<UUID, StoredExpense>> expenses() throws SQLException {
        Map<UUID, Map<UUID, StoredExpense>> rows = new HashMap<>();
        query("SELECT user_id, id, version, deleted, amount, currency, occurred_at, category_id FROM expenses",
                "user_id", rs -> {
                    UUID id = rs.getObject(2, UUID.class);
                    String currency = rs.getString(6);
                    OffsetDateTime at = rs.getObject(7, OffsetDateTime.class);
                    rows.computeIfAbsent(rs.getObject(1, UUID.class), u -> new HashMap<>()).put(id,
                            new StoredExpense(id, rs.getLong(3), rs.getBoolean(4), rs.getBigDecimal(5),
                                    currency == null ? null : currency.strip(), at == null ? null : at.toInstant(),
                                    rs.getObject(8, UUID.class)));
                });
        return rows;
    }

    /** {@code monthly_summaries} as buckets labelled like {@link SummaryRecomputation#monthly}. */
    Map<UUID, Map<String, Aggregate>> monthly() throws SQLException {
        return buckets("SELECT user_id, year, month, NULL, currency, total, count, min_amount, max_amount"
                + " FROM monthly_summaries", Shape.MONTHLY);
    }

    /** {@code category_summaries}, labelled like {@link SummaryRecomputation#category}. */
    Map<UUID, Map<String, Aggregate>> category() throws SQLException {
        return buckets("SELECT user_id, year, month, category_id, currency, total, count, min_amount, max_amount"
                + " FROM category_summaries", Shape.CATEGORY);
    }

    /** {@code user_summaries} (all time), labelled like {@link SummaryRecomputation#allTime}. */
    Map<UUID, Map<String, Aggregate>> allTime() throws SQLException {
        return buckets("SELECT user_id, NULL, NULL, NULL, currency, total, count, min_amount, max_amount"
                + " FROM user_summaries", Shape.ALL_TIME);
    }

    private enum Shape { MONTHLY, CATEGORY, ALL_TIME }

    private Map<UUID, Map<String, Aggregate>> buckets(String sql, Shape shape) throws SQLException {
        Map<UUID, Map<String, Aggregate>> buckets = new HashMap<>();
        query(sql, "user_id", rs -> {
            String currency = rs.getString(5).strip();
            String label = switch (shape) {
                case MONTHLY -> SummaryRecomputation.monthLabel(rs.getInt(2), rs.getInt(3), currency);
                case CATEGORY -> SummaryRecomputation.categoryLabel(rs.getInt(2), rs.getInt(3),
                        rs.getObject(4, UUID.class), currency);
                case ALL_TIME -> SummaryRecomputation.allTimeLabel(currency);
            };
            buckets.computeIfAbsent(rs.getObject(1, UUID.class), u -> new HashMap<>()).put(label,
                    new Aggregate(rs.getBigDecimal(6), rs.getLong(7), rs.getBigDecimal(8), rs.getBigDecimal(9)));
        });
        return buckets;
    }

    private interface RowHandler {
        void accept(ResultSet rs) throws SQLException;
    }

    /** Runs {@code sql}, restricted to the users on {@code userColumn} when only some are read. */
    private void query(String sql, String userColumn, RowHandler handler) throws SQLException {
        String restricted = users.isPresent() ? sql + " WHERE " + userColumn + " = ANY(?)" : sql;
        try (PreparedStatement s = connection.prepareStatement(restricted)) {
            s.setFetchSize(FETCH);
            if (users.isPresent()) {
                s.setArray(1, connection.createArrayOf("uuid", users.get().toArray()));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    handler.accept(rs);
                }
            }
        }
    }
}
