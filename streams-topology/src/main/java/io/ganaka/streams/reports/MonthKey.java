package io.ganaka.streams.reports;

import io.ganaka.schemas.Money;
import io.ganaka.schemas.MonthlyTotal;

/** The bucket a live expense counts towards: one user, one month in their time zone, one currency (never mixed). */
public record MonthKey(String userId, int year, int month, String currency) implements Bucket<MonthlyTotal> {

    public static MonthKey of(ExpenseState state) {
        return new MonthKey(state.userId(), state.year(), state.month(), state.currency());
    }

    @Override
    public byte[] toBytes() {
        return new BucketBytes().text(userId).number(year).number(month).text(currency).toBytes();
    }

    @Override
    public MonthlyTotal report(RunningTotal total) {
        return new MonthlyTotal(userId, year, month, currency, Money.fromMinor(total.totalMinor(), currency), total.count(),
                Bucket.extreme(total.minMinor(), currency), Bucket.extreme(total.maxMinor(), currency));
    }
}
