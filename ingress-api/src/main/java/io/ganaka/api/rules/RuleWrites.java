package io.ganaka.api.rules;

import static io.ganaka.api.rules.RuleRepository.COLUMNS;

import io.ganaka.schemas.rules.RuleDefinition;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/** The statements of one rule-changing transaction of {@link RuleRepository#inTransaction}; every one names the user. */
public final class RuleWrites {

    private final Connection c;

    RuleWrites(Connection c) {
        this.c = c;
    }

    /**
     * True when the category is the user's; its row stays locked (FOR KEY SHARE) until the transaction ends, so
     * it cannot be deleted between this check and the commit of a rule that names it.
     */
    public boolean lockCategory(UUID userId, UUID categoryId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT 1 FROM categories WHERE user_id = ? AND id = ? FOR KEY SHARE")) {
            s.setObject(1, userId);
            s.setObject(2, categoryId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * How many rules the user has. The user's row is locked (FOR NO KEY UPDATE) until the transaction ends, so two
     * concurrent creates count one after the other and cannot both pass the limit.
     */
    public int lockAndCountRules(UUID userId) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT 1 FROM users WHERE id = ? FOR NO KEY UPDATE");
             PreparedStatement count = c.prepareStatement(
                     "SELECT count(*) FROM category_rules WHERE user_id = ?")) {
            lock.setObject(1, userId);
            lock.execute(); // only the lock matters; its result closes with the statement
            count.setObject(1, userId);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** A new rule created (and last updated) at {@code createdAt}, which must fit Postgres' microseconds. */
    public RuleView insert(UUID userId, UUID ruleId, RuleDefinition rule, Instant createdAt) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO category_rules (user_id, id, name, priority,"
                + " definition, created_at, updated_at) VALUES (?, ?, ?, ?, ?::jsonb, ?, ?) RETURNING " + COLUMNS)) {
            OffsetDateTime at = createdAt.atOffset(ZoneOffset.UTC);
            s.setObject(1, userId);
            s.setObject(2, ruleId);
            s.setString(3, rule.name());
            s.setInt(4, rule.priority());
            s.setString(5, RuleRepository.toJson(rule));
            s.setObject(6, at);
            s.setObject(7, at);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return RuleRepository.view(rs);
            }
        }
    }

    /** Replaces the rule's definition; empty when the user has no such rule. */
    public Optional<RuleView> update(UUID userId, UUID ruleId, RuleDefinition rule) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE category_rules SET name = ?, priority = ?,"
                + " definition = ?::jsonb, updated_at = now() WHERE user_id = ? AND id = ? RETURNING " + COLUMNS)) {
            s.setString(1, rule.name());
            s.setInt(2, rule.priority());
            s.setString(3, RuleRepository.toJson(rule));
            s.setObject(4, userId);
            s.setObject(5, ruleId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(RuleRepository.view(rs)) : Optional.empty();
            }
        }
    }

    /** False when the user has no such rule. */
    public boolean delete(UUID userId, UUID ruleId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "DELETE FROM category_rules WHERE user_id = ? AND id = ?")) {
            s.setObject(1, userId);
            s.setObject(2, ruleId);
            return s.executeUpdate() > 0;
        }
    }
}
