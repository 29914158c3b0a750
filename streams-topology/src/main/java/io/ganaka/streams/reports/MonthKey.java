package io.ganaka.streams.reports;

import io.ganaka.schemas.Money;
import io.ganaka.schemas.MonthlyTotal;

/** The bucket a live expense counts towards: one user, one month in their time zone, one currency (never mixed). */
public record MonthKey(String userId, int year, int month, String currency) {

    public static MonthKey of(ExpenseState state) {
        return new MonthKey(state.userId(), state.year(), state.month(), state.currency());
    }

    public MonthlyTotal toMonthlyTotal(RunningTotal total) {
        return new MonthlyTotal(userId, year, month, currency, Money.fromMinor(total.totalMinor(), currency), total.count(),
                null, null); // no extremes: see RunningTotal
    }
}
