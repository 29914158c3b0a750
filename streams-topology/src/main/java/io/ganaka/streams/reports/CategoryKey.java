package io.ganaka.streams.reports;

import io.ganaka.schemas.CategoryTotal;
import io.ganaka.schemas.Money;

/** The category bucket of a live expense: user, month in their time zone, category (null = Uncategorized), currency. */
public record CategoryKey(String userId, int year, int month, String categoryId, String currency)
        implements Bucket<CategoryTotal> {

    public static CategoryKey of(ExpenseState state) {
        return new CategoryKey(state.userId(), state.year(), state.month(), state.categoryId(), state.currency());
    }

    @Override
    public byte[] toBytes() {
        return new BucketBytes().text(userId).number(year).number(month).optionalText(categoryId).text(currency).toBytes();
    }

    @Override
    public CategoryTotal report(RunningTotal total) {
        return new CategoryTotal(userId, year, month, categoryId, currency, Money.fromMinor(total.totalMinor(), currency),
                total.count(), Bucket.extreme(total.minMinor(), currency), Bucket.extreme(total.maxMinor(), currency));
    }
}
