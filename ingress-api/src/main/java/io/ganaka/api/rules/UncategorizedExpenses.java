package io.ganaka.api.rules;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Pages through one user's live expenses that no one categorized ({@code categorized_by = 'none'}) in the
 * {@code expenses} projection, oldest first, keyset-paginated on {@code (occurred_at, id)} so that each page is one
 * index range on the user's partition however many expenses came before it.
 */
public final class UncategorizedExpenses {

    private static final String FIRST_PAGE = "SELECT id, version, occurred_at, description, merchant, amount, tags"
            + " FROM expenses WHERE user_id = ? AND NOT deleted AND categorized_by = 'none' AND category_id IS NULL"
            + " ORDER BY occurred_at, id LIMIT ?";
    private static final String NEXT_PAGE = "SELECT id, version, occurred_at, description, merchant, amount, tags"
            + " FROM expenses WHERE user_id = ? AND NOT deleted AND categorized_by = 'none' AND category_id IS NULL"
            + " AND (occurred_at, id) > (?, ?) ORDER BY occurred_at, id LIMIT ?";

    private final DataSource db;

    public UncategorizedExpenses(DataSource db) {
        this.db = db;
    }

    /** Up to {@code limit} expenses after {@code after} (null: from the start), in (occurred_at, id) order. */
    List<UncategorizedExpense> page(UUID userId, UncategorizedExpense after, int limit) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement(after == null ? FIRST_PAGE : NEXT_PAGE)) {
            int i = 0;
            s.setObject(++i, userId);
            if (after != null) {
                s.setObject(++i, after.occurredAt().atOffset(ZoneOffset.UTC));
                s.setObject(++i, after.id());
            }
            s.setInt(++i, limit);
            List<UncategorizedExpense> page = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    page.add(new UncategorizedExpense(rs.getObject("id", UUID.class), rs.getLong("version"),
                            rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("description"),
                            rs.getString("merchant"), rs.getBigDecimal("amount"), tags(rs.getArray("tags"))));
                }
            }
            return page;
        }
    }

    private static List<String> tags(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
