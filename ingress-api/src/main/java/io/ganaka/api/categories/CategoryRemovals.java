package io.ganaka.api.categories;

import io.ganaka.api.budgets.BudgetPeriod;
import io.ganaka.api.budgets.BudgetRepository;
import io.ganaka.api.db.Transactions;
import io.ganaka.api.db.UserLock;
import io.ganaka.schemas.EventPayload.BudgetChanged;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * What deleting a category touches besides its row: its expenses in the projection (read page by page, so that they
 * can be moved by events), the rules that set it and its budgets, all deleted with the row under the user's lock.
 */
public final class CategoryRemovals {

    private final DataSource db;

    public CategoryRemovals(DataSource db) {
        this.db = db;
    }

    /** Up to {@code limit} live expenses of the category with ids after {@code after} (null: from the start), by id. */
    List<CategorizedExpense> expensesIn(UUID userId, UUID categoryId, UUID after, int limit) throws SQLException {
        // Keyset paging on the primary key (user_id, id): each page starts where the last ended, without OFFSET.
        String sql = "SELECT id, version, tags FROM expenses WHERE user_id = ? AND category_id = ? AND NOT deleted"
                + (after == null ? "" : " AND id > ?") + " ORDER BY id LIMIT ?";
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            int i = 0;
            s.setObject(++i, userId);
            s.setObject(++i, categoryId);
            if (after != null) {
                s.setObject(++i, after);
            }
            s.setInt(++i, limit);
            List<CategorizedExpense> page = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    page.add(new CategorizedExpense(rs.getObject("id", UUID.class), rs.getLong("version"),
                            tags(rs.getArray("tags"))));
                }
            }
            return page;
        }
    }

    /**
     * Deletes the category with the rules that set it and its budgets, and commits once {@code beforeCommit} returned.
     *
     * @return false, with nothing changed, when the user has no such category
     */
    boolean delete(UUID userId, UUID id, Consumer<CategoryRemoval> beforeCommit) throws SQLException {
        return Transactions.run(db, c -> {
            UserLock.require(c, userId);
            try (PreparedStatement s = c.prepareStatement("DELETE FROM categories WHERE user_id = ? AND id = ?")) {
                s.setObject(1, userId);
                s.setObject(2, id);
                if (s.executeUpdate() == 0) {
                    return false;
                }
            }
            List<UUID> rules = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("DELETE FROM category_rules WHERE user_id = ?"
                    + " AND lower(definition #>> '{actions,categoryId}') = ? RETURNING id")) {
                s.setObject(1, userId);
                s.setString(2, id.toString());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rules.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            List<BudgetChanged> budgets = deleteBudgets(c, userId, id);
            beforeCommit.accept(new CategoryRemoval(id, rules, budgets));
            return true;
        });
    }

    /** Deletes the category's budgets; answers each affected period with the items it has left. */
    private static List<BudgetChanged> deleteBudgets(Connection c, UUID userId, UUID categoryId) throws SQLException {
        TreeSet<BudgetPeriod> periods = new TreeSet<>((a, b) -> a.year() != b.year()
                ? Integer.compare(a.year(), b.year()) : Integer.compare(a.month(), b.month()));
        try (PreparedStatement s = c.prepareStatement(
                "DELETE FROM budgets WHERE user_id = ? AND category_id = ? RETURNING year, month")) {
            s.setObject(1, userId);
            s.setObject(2, categoryId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    periods.add(new BudgetPeriod(rs.getInt(1), rs.getInt(2)));
                }
            }
        }
        List<BudgetChanged> changes = new ArrayList<>();
        for (BudgetPeriod period : periods) {
            changes.add(new BudgetChanged(period.eventYear(), period.eventMonth(),
                    BudgetRepository.items(c, userId, period)));
        }
        return changes;
    }

    private static List<String> tags(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
