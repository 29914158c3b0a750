package io.ganaka.sinks.notify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.UUID;

/** Reads the users a batch of notifications is for: address, name, time zone and notification preferences. */
final class UserContacts {

    /**
     * Locks the rows (FOR KEY SHARE) as the projection sinks do, so that an account deletion waits for this write and
     * its erasure then removes what it wrote, and a user already gone gets nothing.
     */
    private static final String LOCKING = "SELECT id, email, display_name, timezone, preferences::text"
            + " FROM users WHERE id = ANY(?) ORDER BY id FOR KEY SHARE";
    private static final String READING = "SELECT id, email, display_name, timezone, preferences::text"
            + " FROM users WHERE id = ANY(?)";

    private UserContacts() {}

    /** The living users among {@code userIds}, their rows locked until the transaction ends. */
    static Map<UUID, UserContact> lock(Connection c, Collection<UUID> userIds) throws SQLException {
        return read(c, userIds, LOCKING);
    }

    /** The living users among {@code userIds}, without a lock. */
    static Map<UUID, UserContact> read(Connection c, Collection<UUID> userIds) throws SQLException {
        return read(c, userIds, READING);
    }

    private static Map<UUID, UserContact> read(Connection c, Collection<UUID> userIds, String sql)
            throws SQLException {
        Map<UUID, UserContact> users = new HashMap<>();
        if (userIds.isEmpty()) {
            return users;
        }
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("uuid", new HashSet<>(userIds).toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    ZoneId zone = zone(rs.getString(4));
                    users.put(id, new UserContact(id, rs.getString(2), rs.getString(3), zone,
                            NotificationPreferences.parse(rs.getString(5), zone)));
                }
            }
        }
        return users;
    }

    private static ZoneId zone(String id) {
        try {
            return id == null ? ZoneOffset.UTC : ZoneId.of(id);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC; // the API validates time zones; an old or odd value must not stop a notification
        }
    }
}
