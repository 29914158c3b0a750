package io.ganaka.api.categories;

import io.ganaka.api.db.Transactions;
import io.ganaka.api.db.UserLock;
import io.ganaka.api.errors.ConflictException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Categories in the {@code categories} table; removing one is {@link CategoryRemovals}' job. Every write runs under
 * the user's lock and commits only after the caller's step (publishing the event) returned.
 */
public final class CategoryRepository {

    private static final String COLUMNS = "id, name, description, color, is_default";
    /** SQLState of a unique violation: here only the case-insensitive name index can clash (ids are fresh UUIDv7). */
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource db;

    public CategoryRepository(DataSource db) {
        this.db = db;
    }

    public List<CategoryView> list(UUID userId) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM categories WHERE user_id = ? ORDER BY lower(name), id")) {
            s.setObject(1, userId);
            List<CategoryView> categories = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    categories.add(view(rs));
                }
            }
            return categories;
        }
    }

    public Optional<CategoryView> find(UUID userId, UUID id) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM categories WHERE user_id = ? AND id = ?")) {
            s.setObject(1, userId);
            s.setObject(2, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(view(rs)) : Optional.empty();
            }
        }
    }

    /**
     * Inserts a category and commits once {@code beforeCommit} returned.
     *
     * @throws ConflictException when the name is taken (ignoring case) or the user has {@code max} categories
     */
    public CategoryView create(UUID userId, UUID id, CategoryRequest request, int max,
                               Consumer<CategoryView> beforeCommit) throws SQLException {
        return Transactions.run(db, c -> {
            UserLock.require(c, userId);
            if (count(c, userId) >= max) {
                throw new ConflictException("category-limit-reached",
                        "You have " + max + " categories, the most allowed; delete one first.");
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO categories (user_id, id, name, description,"
                    + " color) VALUES (?, ?, ?, ?, ?) RETURNING " + COLUMNS)) {
                s.setObject(1, userId);
                s.setObject(2, id);
                bind(s, 3, request);
                CategoryView created = single(s, request).orElseThrow();
                beforeCommit.accept(created);
                return created;
            }
        });
    }

    /**
     * Replaces name, description and colour and commits once {@code beforeCommit} returned; empty when the user has no
     * such category.
     *
     * @throws ConflictException when another category of the user has the name (ignoring case)
     */
    public Optional<CategoryView> replace(UUID userId, UUID id, CategoryRequest request,
                                          Consumer<CategoryView> beforeCommit) throws SQLException {
        return Transactions.run(db, c -> {
            UserLock.require(c, userId);
            try (PreparedStatement s = c.prepareStatement("UPDATE categories SET name = ?, description = ?, color = ?,"
                    + " updated_at = now() WHERE user_id = ? AND id = ? RETURNING " + COLUMNS)) {
                bind(s, 1, request);
                s.setObject(4, userId);
                s.setObject(5, id);
                Optional<CategoryView> updated = single(s, request);
                updated.ifPresent(beforeCommit);
                return updated;
            }
        });
    }

    private static int count(Connection c, UUID userId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM categories WHERE user_id = ?")) {
            s.setObject(1, userId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static void bind(PreparedStatement s, int first, CategoryRequest request) throws SQLException {
        s.setString(first, request.name());
        s.setString(first + 1, request.description());
        s.setString(first + 2, request.color());
    }

    /** Runs an INSERT/UPDATE … RETURNING of one row, turning a name clash into a 409. */
    private static Optional<CategoryView> single(PreparedStatement s, CategoryRequest request) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            return rs.next() ? Optional.of(view(rs)) : Optional.empty();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new ConflictException("category-name-taken",
                        "You already have a category named \"" + request.name() + "\" (names ignore case).");
            }
            throw e;
        }
    }

    private static CategoryView view(ResultSet rs) throws SQLException {
        return new CategoryView(rs.getString("id"), rs.getString("name"), rs.getString("description"),
                rs.getString("color"), rs.getBoolean("is_default"));
    }

}
