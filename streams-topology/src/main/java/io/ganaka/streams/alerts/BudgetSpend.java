package io.ganaka.streams.alerts;

import io.ganaka.schemas.CategoryTotal;
import io.ganaka.schemas.MonthlyTotal;
import java.math.BigDecimal;

/**
 * A month's spending that a budget can limit: one category's total ({@code allSpending} false) or the whole month's
 * ({@code allSpending} true, {@code categoryId} null) in one currency.
 */
record BudgetSpend(String userId, int year, int month, String categoryId, boolean allSpending, String currency,
                   BigDecimal total, long count) {

    static BudgetSpend of(CategoryTotal total) {
        return new BudgetSpend(total.userId(), total.year(), total.month(), total.categoryId(), false,
                total.currency(), total.total(), total.count());
    }

    static BudgetSpend of(MonthlyTotal total) {
        return new BudgetSpend(total.userId(), total.year(), total.month(), null, true, total.currency(),
                total.total(), total.count());
    }

    /** The key of this spending's last alert level; user id first, so a deleted user's levels share a prefix. */
    String levelKey() {
        return userId + "|" + BudgetBook.period(year, month) + "|" + (allSpending ? "all" : "category:" + categoryId)
                + "|" + currency;
    }
}
