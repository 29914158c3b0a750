package io.ganaka.api.budgets;

import io.ganaka.api.db.Transactions;
import io.ganaka.api.db.UserLock;
import io.ganaka.api.errors.NotFoundException;
import io.ganaka.api.errors.UnprocessableException;
import io.ganaka.schemas.EventPayload.BudgetItem;
import io.ganaka.schemas.Money;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Budgets in the {@code budgets} table, one row per (period, category or all spending, currency). A replacement runs
 * under the user's lock and commits only after the caller's step (publishing budget.changed) returned.
 */
public final class BudgetRepository {

    private final DataSource db;

    public BudgetRepository(DataSource db) {
        this.db = db;
    }

    /** The items of a period and of the default, read in one transaction so that they fit together. */
    public BudgetView resolve(UUID userId, BudgetPeriod period) throws SQLException {
        return Transactions.run(db, c -> BudgetView.resolve(period, items(c, userId, period),
                period.isDefault() ? List.of() : items(c, userId, BudgetPeriod.DEFAULT)));
    }

    /**
     * Replaces the period's items and commits once {@code beforeCommit} returned.
     *
     * @throws UnprocessableException when an item names a category that is not the user's
     * @throws NotFoundException when the user no longer exists
     */
    public void replace(UUID userId, BudgetPeriod period, List<BudgetItem> items, Consumer<List<BudgetItem>> beforeCommit)
            throws SQLException {
        Transactions.run(db, c -> {
            UserLock.require(c, userId);
            requireOwnCategories(c, userId, items);
            try (PreparedStatement s = c.prepareStatement(
                    "DELETE FROM budgets WHERE user_id = ? AND year = ? AND month = ?")) {
                s.setObject(1, userId);
                s.setInt(2, period.year());
                s.setInt(3, period.month());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO budgets (user_id, year, month, category_id,"
                    + " currency, amount) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (BudgetItem item : items) {
                    s.setObject(1, userId);
                    s.setInt(2, period.year());
                    s.setInt(3, period.month());
                    s.setObject(4, item.categoryId() == null ? null : UUID.fromString(item.categoryId()));
                    s.setString(5, item.currency());
                    s.setBigDecimal(6, item.amount());
                    s.addBatch();
                }
                s.executeBatch();
            }
            beforeCommit.accept(items(c, userId, period));
            return null;
        });
    }

    /** The items of one period in a stable order (all spending first, then by category and currency). */
    public static List<BudgetItem> items(Connection c, UUID userId, BudgetPeriod period) throws SQLException {
        List<BudgetItem> items = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT category_id, currency, amount FROM budgets"
                + " WHERE user_id = ? AND year = ? AND month = ? ORDER BY category_id NULLS FIRST, currency")) {
            s.setObject(1, userId);
            s.setInt(2, period.year());
            s.setInt(3, period.month());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String currency = rs.getString("currency").strip();
                    // NUMERIC(12,2) answers 300.00 even for JPY; the currency's own scale is exact (checked on write).
                    items.add(new BudgetItem(rs.getString("category_id"), currency,
                            rs.getBigDecimal("amount").setScale(Money.fractionDigits(currency), RoundingMode.UNNECESSARY)));
                }
            }
        }
        return items;
    }

    private static void requireOwnCategories(Connection c, UUID userId, List<BudgetItem> items) throws SQLException {
        Set<UUID> wanted = new HashSet<>();
        items.stream().filter(i -> i.categoryId() != null).forEach(i -> wanted.add(UUID.fromString(i.categoryId())));
        if (wanted.isEmpty()) {
            return;
        }
        Set<UUID> own = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT id FROM categories WHERE user_id = ? AND id = ANY(?)")) {
            s.setObject(1, userId);
            s.setArray(2, c.createArrayOf("uuid", wanted.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    own.add(rs.getObject(1, UUID.class));
                }
            }
        }
        for (int i = 0; i < items.size(); i++) {
            String id = items.get(i).categoryId();
            if (id != null && !own.contains(UUID.fromString(id))) {
                throw new UnprocessableException("items[" + i + "].categoryId", "is not one of your categories");
            }
        }
    }
}
