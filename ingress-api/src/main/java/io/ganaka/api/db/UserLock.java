package io.ganaka.api.db;

import io.ganaka.api.errors.NotFoundException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Serializes one user's definition writes (categories, budgets): each takes this lock on the user's row first, so
 * two writes of the same user commit, and publish their events, one after the other, and a write never sees a
 * category that a concurrent delete is removing. FOR NO KEY UPDATE leaves the sinks' FOR KEY SHARE locks alone.
 */
public final class UserLock {

    private UserLock() {}

    /**
     * Takes the lock.
     *
     * @throws NotFoundException when the user no longer exists (deleted meanwhile): nothing of theirs is left to change
     */
    public static void require(Connection c, UUID userId) throws SQLException {
        if (!lock(c, userId)) {
            throw new NotFoundException("user " + userId + " is gone");
        }
    }

    /** @return false when the user no longer exists (deleted meanwhile) */
    public static boolean lock(Connection c, UUID userId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM users WHERE id = ? FOR NO KEY UPDATE")) {
            s.setObject(1, userId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }
}
