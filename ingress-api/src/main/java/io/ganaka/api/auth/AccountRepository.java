package io.ganaka.api.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Accounts in Postgres: {@code users} for the profile, {@code user_passwords} for the hash, written together. */
public final class AccountRepository {

    private final DataSource db;

    public AccountRepository(DataSource db) {
        this.db = db;
    }

    /**
     * Creates the user and its password hash in one transaction.
     *
     * @return false, with nothing written, when the normalized e-mail is already registered
     */
    public boolean create(UUID userId, RegisterRequest request, String passwordHash) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                int inserted;
                try (PreparedStatement user = c.prepareStatement(
                        "INSERT INTO users (id, email, email_normalized, display_name, timezone) VALUES (?, ?, ?, ?, ?)"
                                + " ON CONFLICT (email_normalized) DO NOTHING")) {
                    user.setObject(1, userId);
                    user.setString(2, request.email());
                    user.setString(3, request.normalizedEmail());
                    user.setString(4, request.displayName());
                    user.setString(5, request.timezone());
                    inserted = user.executeUpdate();
                }
                if (inserted == 0) {
                    c.rollback();
                    return false;
                }
                try (PreparedStatement password = c.prepareStatement(
                        "INSERT INTO user_passwords (user_id, password_hash) VALUES (?, ?)")) {
                    password.setObject(1, userId);
                    password.setString(2, passwordHash);
                    password.executeUpdate();
                }
                c.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    public Optional<StoredCredentials> credentials(String normalizedEmail) throws SQLException {
        return credentialsWhere("u.email_normalized = ?", s -> s.setString(1, normalizedEmail));
    }

    public Optional<StoredCredentials> credentials(UUID userId) throws SQLException {
        return credentialsWhere("u.id = ?", s -> s.setObject(1, userId));
    }

    /** The credentials of the one account matching the condition, whose single parameter {@code key} sets. */
    private Optional<StoredCredentials> credentialsWhere(String condition, Key key) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT u.id, u.role, p.password_hash FROM users u JOIN user_passwords p ON p.user_id = u.id"
                             + " WHERE " + condition)) {
            key.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next()
                        ? Optional.of(new StoredCredentials(rs.getString(1), rs.getString(2), rs.getString(3)))
                        : Optional.empty();
            }
        }
    }

    public void replacePasswordHash(UUID userId, String passwordHash) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "UPDATE user_passwords SET password_hash = ?, updated_at = now() WHERE user_id = ?")) {
            s.setString(1, passwordHash);
            s.setObject(2, userId);
            s.executeUpdate();
        }
    }

    public Optional<UserView> find(UUID userId) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT id, email, display_name, timezone, role, created_at FROM users WHERE id = ?")) {
            s.setObject(1, userId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new UserView(rs.getString("id"), rs.getString("email"),
                        rs.getString("display_name"), rs.getString("timezone"), rs.getString("role"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()));
            }
        }
    }

    /** Sets the lookup key on a credentials query. */
    private interface Key {
        void bind(PreparedStatement statement) throws SQLException;
    }
}
