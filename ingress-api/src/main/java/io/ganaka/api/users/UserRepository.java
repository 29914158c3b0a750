package io.ganaka.api.users;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.ganaka.api.db.Transactions;
import io.ganaka.schemas.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Profiles in the {@code users} table. Changes run a caller's step (publishing the event) before they commit, so a
 * change whose event could not be made durable is rolled back rather than left without its event.
 */
public final class UserRepository {

    private static final String COLUMNS =
            "id, email, display_name, timezone, role, preferences::text AS preferences, created_at, updated_at";

    private final DataSource db;

    public UserRepository(DataSource db) {
        this.db = db;
    }

    public Optional<UserProfile> find(UUID userId) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM users WHERE id = ?")) {
            s.setObject(1, userId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(profile(rs)) : Optional.empty();
            }
        }
    }

    /** Replaces the profile and commits once {@code beforeCommit} returned; empty, with nothing changed, if no user. */
    public Optional<UserProfile> replace(UUID userId, ProfileUpdate update, Consumer<UserProfile> beforeCommit)
            throws SQLException {
        return Transactions.run(db, c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE users SET display_name = ?, timezone = ?,"
                    + " preferences = ?::jsonb, updated_at = now() WHERE id = ? RETURNING " + COLUMNS)) {
                s.setString(1, update.displayName());
                s.setString(2, update.timezone());
                s.setString(3, toJson(update.preferences()));
                s.setObject(4, userId);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    UserProfile saved = profile(rs);
                    beforeCommit.accept(saved);
                    return Optional.of(saved);
                }
            }
        });
    }

    /**
     * Deletes the user (passwords and categories cascade) and commits once {@code beforeCommit} returned.
     *
     * @return false, with nothing changed, when there is no such user
     */
    public boolean delete(UUID userId, Runnable beforeCommit) throws SQLException {
        return Transactions.run(db, c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM users WHERE id = ?")) {
                s.setObject(1, userId);
                if (s.executeUpdate() == 0) {
                    return false;
                }
            }
            beforeCommit.run();
            return true;
        });
    }

    private static UserProfile profile(ResultSet rs) throws SQLException {
        Preferences preferences;
        try {
            preferences = ProfileParser.preferences(Json.MAPPER.readTree(rs.getString("preferences")));
        } catch (JsonProcessingException e) {
            // Postgres hands back valid JSON for a JSONB column; unreadable means a broken driver, not bad input.
            throw new IllegalStateException("unreadable preferences of user " + rs.getString("id"), e);
        }
        return new UserProfile(rs.getString("id"), rs.getString("email"), rs.getString("display_name"),
                rs.getString("timezone"), rs.getString("role"), preferences,
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private static String toJson(Preferences preferences) {
        try {
            return Json.MAPPER.writeValueAsString(preferences);
        } catch (JsonProcessingException e) {
            // Preferences are plain strings, booleans and lists; failing to write them is a bug.
            throw new IllegalStateException(e);
        }
    }
}
