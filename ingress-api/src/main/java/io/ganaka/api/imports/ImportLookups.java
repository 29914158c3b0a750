package io.ganaka.api.imports;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** What an import reads about its user: categories by name, the default currency, and expenses rows would repeat. */
public final class ImportLookups implements ExistingExpenses {

    private final DataSource db;

    public ImportLookups(DataSource db) {
        this.db = db;
    }

    /** The user's categories by lower-cased name (names are unique per user, ignoring case). */
    public Map<String, UUID> categoriesByName(UUID userId) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id, name FROM categories WHERE user_id = ?")) {
            s.setObject(1, userId);
            Map<String, UUID> byName = new HashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    byName.put(rs.getString(2).toLowerCase(Locale.ROOT), rs.getObject(1, UUID.class));
                }
            }
            return byName;
        }
    }

    /** The default currency of the user's preferences, if they chose one. */
    public Optional<String> defaultCurrency(UUID userId) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT preferences ->> 'defaultCurrency' FROM users WHERE id = ?")) {
            s.setObject(1, userId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /**
     * One query per batch: the keys travel as arrays and each is matched against the user's live expenses of that
     * UTC day (a range on the list index), equal amount and case-insensitively equal description.
     */
    @Override
    public Map<Integer, UUID> matching(UUID userId, List<DuplicateKey> keys) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     SELECT DISTINCT ON (k.ord) k.ord, e.id
                     FROM unnest(?::date[], ?::numeric[], ?::text[]) WITH ORDINALITY AS k(day, amount, descr, ord)
                     JOIN expenses e ON e.user_id = ? AND NOT e.deleted
                      AND e.occurred_at >= (k.day::timestamp AT TIME ZONE 'UTC')
                      AND e.occurred_at < ((k.day + 1)::timestamp AT TIME ZONE 'UTC')
                      AND e.amount = k.amount AND lower(e.description) = lower(k.descr)
                     ORDER BY k.ord, e.id""")) {
            Array days = c.createArrayOf("date", keys.stream().map(k -> Date.valueOf(k.day())).toArray());
            Array amounts = c.createArrayOf("numeric", keys.stream().map(DuplicateKey::amount).toArray(BigDecimal[]::new));
            Array descriptions = c.createArrayOf("text", keys.stream().map(DuplicateKey::description).toArray());
            s.setArray(1, days);
            s.setArray(2, amounts);
            s.setArray(3, descriptions);
            s.setObject(4, userId);
            Map<Integer, UUID> matches = new HashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    matches.put(rs.getInt(1) - 1, rs.getObject(2, UUID.class));
                }
            }
            return matches;
        }
    }
}
