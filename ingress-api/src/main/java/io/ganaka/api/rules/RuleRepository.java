package io.ganaka.api.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.ganaka.api.db.Transactions;
import io.ganaka.schemas.Json;
import io.ganaka.schemas.rules.RuleDefinition;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The {@code category_rules} table, which the API writes itself. Lists come in evaluation order (priority, creation
 * time, id). Changes run inside {@link #inTransaction}, so the service can publish their event before they commit.
 */
public final class RuleRepository {

    static final String COLUMNS = "id, definition::text AS definition, is_default, created_at, updated_at";
    private static final String ORDER = " ORDER BY priority, created_at, id";

    private final DataSource db;

    public RuleRepository(DataSource db) {
        this.db = db;
    }

    public List<RuleView> list(UUID userId) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT " + COLUMNS + " FROM category_rules WHERE user_id = ?" + ORDER)) {
            s.setObject(1, userId);
            List<RuleView> rules = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rules.add(view(rs));
                }
            }
            return rules;
        }
    }

    public Optional<RuleView> find(UUID userId, UUID ruleId) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT " + COLUMNS + " FROM category_rules WHERE user_id = ? AND id = ?")) {
            s.setObject(1, userId);
            s.setObject(2, ruleId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(view(rs)) : Optional.empty();
            }
        }
    }

    /** The ids of the user's categories, to tell which rule actions still point at a category. */
    public Set<String> categoryIds(UUID userId) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id FROM categories WHERE user_id = ?")) {
            s.setObject(1, userId);
            Set<String> ids = new HashSet<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }
    }

    /** A unit of work on one transaction. */
    public interface Work<T> {
        T run(RuleWrites tx) throws SQLException;
    }

    /** Runs the work in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(Work<T> work) throws SQLException {
        return Transactions.run(db, c -> work.run(new RuleWrites(c)));
    }

    static RuleView view(ResultSet rs) throws SQLException {
        RuleDefinition rule;
        try {
            rule = Json.MAPPER.readValue(rs.getString("definition"), RuleDefinition.class);
        } catch (JsonProcessingException e) {
            // Only this API writes definitions, from validated rules: unreadable means a bug, not bad input.
            throw new IllegalStateException("unreadable definition of rule " + rs.getString("id"), e);
        }
        return RuleView.of(rs.getString("id"), rule, rs.getBoolean("is_default"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    static String toJson(RuleDefinition rule) {
        try {
            return Json.MAPPER.writeValueAsString(rule);
        } catch (JsonProcessingException e) {
            // A definition is strings, numbers and lists; failing to write it is a bug.
            throw new IllegalStateException(e);
        }
    }
}
