package io.ganaka.app;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The ledger of one phase of load after the system drained: {@code lost} = acknowledged − stored, {@code unexpected}
 * = stored − attempted, {@code duplicated} = stored more than once. Stored writes are found in {@code expenses} by
 * the description each write carries.
 */
record FaultLedger(int projected, Set<String> lost, Set<String> unexpected, Set<String> duplicated) {

    static FaultLedger of(WriteLoad.Outcome outcome, Map<String, Integer> stored) {
        Set<String> lost = new TreeSet<>(outcome.acknowledged());
        lost.removeAll(stored.keySet());
        Set<String> unexpected = new TreeSet<>(stored.keySet());
        unexpected.removeAll(outcome.attempted());
        Set<String> duplicated = new TreeSet<>();
        stored.forEach((description, rows) -> {
            if (rows > 1) {
                duplicated.add(description + " x" + rows);
            }
        });
        return new FaultLedger(stored.size(), lost, unexpected, duplicated);
    }

    boolean clean() {
        return lost.isEmpty() && unexpected.isEmpty() && duplicated.isEmpty();
    }

    /** How many rows of {@code expenses} (of {@code users}) carry each description written under {@code tag}. */
    static Map<String, Integer> stored(String jdbcUrl, List<UUID> users, String tag) throws Exception {
        Map<String, Integer> stored = new HashMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl); PreparedStatement s = c.prepareStatement(
                "SELECT description, count(*) FROM expenses WHERE user_id = ANY(?) AND starts_with(description, ?)"
                        + " GROUP BY description")) {
            s.setArray(1, c.createArrayOf("uuid", users.toArray()));
            s.setString(2, tag + " ");
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    stored.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return stored;
    }
}
