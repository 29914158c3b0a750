package io.ganaka.sinks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Which users of a batch still have an account. Their {@code users} rows are locked (FOR KEY SHARE) until the
 * transaction ends, so an account deletion waits for this write to commit and its erasure then removes what it wrote;
 * a write that comes after the deletion finds no user and projects nothing, so late events cannot resurrect data.
 */
final class LivingUsers {

    private static final String LOCK = "SELECT id FROM users WHERE id = ANY(?) ORDER BY id FOR KEY SHARE";

    private LivingUsers() {}

    static Set<UUID> lock(Connection connection, Collection<UUID> userIds) throws SQLException {
        Set<UUID> wanted = new HashSet<>(userIds);
        Set<UUID> living = new HashSet<>();
        if (wanted.isEmpty()) {
            return living;
        }
        try (PreparedStatement s = connection.prepareStatement(LOCK)) {
            s.setArray(1, connection.createArrayOf("uuid", wanted.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    living.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return living;
    }
}
