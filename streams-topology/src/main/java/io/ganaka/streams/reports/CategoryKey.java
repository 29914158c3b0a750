package io.ganaka.streams.reports;

import io.ganaka.schemas.CategoryTotal;
import io.ganaka.schemas.Money;

/** The category bucket of a live expense: user, month in their time zone, category (null = Uncategorized), currency. */
public record CategoryKey(String userId, int year, int month, String categoryId, String currency) {

    public static CategoryKey of(ExpenseState state) {
        return new CategoryKey(state.userId(), state.year(), state.month(), state.categoryId(), state.currency());
    }

    public CategoryTotal toCategoryTotal(RunningTotal total) {
        return new CategoryTotal(userId, year, month, categoryId, currency, Money.fromMinor(total.totalMinor(), currency),
                total.count());
    }
}
