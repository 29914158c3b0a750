package io.ganaka.app;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What Postgres holds for some users, read for assertions: their expenses, their reports, any one column. */
record UserRows(String jdbcUrl, List<UUID> users) {

    /** How many rows {@code expenses} holds for the users, tombstones included. */
    int expenseRows() throws Exception {
        return Integer.parseInt(column("SELECT count(*) FROM expenses WHERE user_id = ANY(?)").get(0));
    }

    /** Every expense row of the users, as the load describes its expected state. */
    Map<UUID, ExpenseLoad.Expected> expenses() throws Exception {
        Map<UUID, ExpenseLoad.Expected> rows = new HashMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl); PreparedStatement s = c.prepareStatement(
                "SELECT id, user_id, version, amount, currency, occurred_at, deleted FROM expenses"
                        + " WHERE user_id = ANY(?)")) {
            s.setArray(1, c.createArrayOf("uuid", users.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getObject(1, UUID.class), new ExpenseLoad.Expected(rs.getObject(2, UUID.class),
                            rs.getLong(3), rs.getBigDecimal(4), rs.getString(5).strip(),
                            rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getBoolean(7)));
                }
            }
        }
        return rows;
    }

    /**
     * Every report line that differs from the live expenses it sums (both ways): monthly, per category and all-time;
     * a line whose expenses are all gone must read a count and total of 0.
     */
    List<String> reportsDifferingFromExpenses() throws Exception {
        String live = "FROM expenses WHERE user_id = ANY(?) AND NOT deleted";
        String month = "EXTRACT(YEAR FROM occurred_at AT TIME ZONE 'UTC')::int, "
                + "EXTRACT(MONTH FROM occurred_at AT TIME ZONE 'UTC')::int";
        String sums = "sum(amount), count(*), min(amount), max(amount)";
        List<String> differences = new ArrayList<>();
        differences.addAll(bothWays(
                "SELECT user_id, year, month, currency, total, count, min_amount, max_amount FROM monthly_summaries"
                        + " WHERE user_id = ANY(?) AND count > 0",
                "SELECT user_id, " + month + ", currency, " + sums + " " + live + " GROUP BY 1, 2, 3, 4"));
        differences.addAll(bothWays(
                "SELECT user_id, year, month, category_id, currency, total, count, min_amount, max_amount"
                        + " FROM category_summaries WHERE user_id = ANY(?) AND count > 0",
                "SELECT user_id, " + month + ", category_id, currency, " + sums + " " + live
                        + " GROUP BY 1, 2, 3, 4, 5"));
        differences.addAll(bothWays(
                "SELECT user_id, currency, total, count, min_amount, max_amount FROM user_summaries"
                        + " WHERE user_id = ANY(?) AND count > 0",
                "SELECT user_id, currency, " + sums + " " + live + " GROUP BY 1, 2"));
        for (String table : List.of("monthly_summaries", "category_summaries", "user_summaries")) {
            differences.addAll(column("SELECT '" + table + " emptied but not zero: ' || t::text FROM " + table
                    + " t WHERE user_id = ANY(?) AND count = 0 AND total <> 0"));
        }
        return differences;
    }

    private List<String> bothWays(String reported, String recomputed) throws Exception {
        List<String> differences = new ArrayList<>();
        differences.addAll(column("SELECT 'reported only: ' || r::text FROM (" + reported + " EXCEPT "
                + recomputed + ") r", 2));
        differences.addAll(column("SELECT 'recomputed only: ' || r::text FROM (" + recomputed + " EXCEPT "
                + reported + ") r", 2));
        return differences;
    }

    /** The first column of every row of {@code sql}, whose one placeholder takes the users. */
    List<String> column(String sql) throws Exception {
        return column(sql, 1);
    }

    /** The first column of every row of {@code sql}, whose {@code parameters} placeholders all take the users. */
    List<String> column(String sql, int parameters) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 1; i <= parameters; i++) {
                s.setArray(i, c.createArrayOf("uuid", users.toArray()));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        return values;
    }
}
