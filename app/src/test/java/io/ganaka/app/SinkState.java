package io.ganaka.app;

import io.ganaka.schemas.Naming;
import io.ganaka.schemas.dashboard.DashboardKeys;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import redis.clients.jedis.UnifiedJedis;

/**
 * Everything the sinks role wrote for some users, exactly: every row (all columns, as Postgres prints the row) of the
 * tables it writes, and every field of each user's dashboard hash in Redis, byte for byte. Two equal snapshots mean
 * nothing the sinks own changed.
 */
record SinkState(Map<String, List<String>> tables, Map<String, Map<String, String>> dashboards) {

    /** The tables the sinks write, each read for the users only. */
    private static final List<String> TABLES = List.of("users", "expenses", "monthly_summaries",
            "category_summaries", "user_summaries", "alerts", "notifications", "categories", "category_rules",
            "webhook_deliveries");

    static SinkState of(String jdbcUrl, UnifiedJedis redis, Naming naming, Collection<UUID> users)
            throws SQLException {
        Map<String, List<String>> tables = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            for (String table : TABLES) {
                tables.put(table, rows(c, table, users));
            }
        }
        Map<String, Map<String, String>> dashboards = new TreeMap<>();
        for (UUID user : users) {
            Map<String, String> fields = new TreeMap<>();
            redis.hgetAll(DashboardKeys.key(naming, user.toString()).getBytes(StandardCharsets.UTF_8))
                    .forEach((k, v) -> fields.put(new String(k, StandardCharsets.UTF_8),
                            Base64.getEncoder().encodeToString(v)));
            dashboards.put(user.toString(), fields);
        }
        return new SinkState(tables, dashboards);
    }

    private static List<String> rows(Connection c, String table, Collection<UUID> users) throws SQLException {
        String owner = table.equals("users") ? "id" : "user_id";
        List<String> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT t::text FROM " + table + " t WHERE " + owner + " = ANY(?) ORDER BY 1")) {
            s.setArray(1, c.createArrayOf("uuid", users.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
        }
        return rows;
    }

    /** How many rows each table holds, for a readable progress line. */
    Map<String, Integer> sizes() {
        Map<String, Integer> sizes = new TreeMap<>();
        tables.forEach((table, rows) -> sizes.put(table, rows.size()));
        return sizes;
    }
}
