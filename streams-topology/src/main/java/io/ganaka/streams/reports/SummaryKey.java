package io.ganaka.streams.reports;

import io.ganaka.schemas.Money;
import io.ganaka.schemas.SummaryTotal;

/** The all-time bucket of a live expense: one user, one currency. */
public record SummaryKey(String userId, String currency) {

    public static SummaryKey of(ExpenseState state) {
        return new SummaryKey(state.userId(), state.currency());
    }

    public SummaryTotal toSummaryTotal(RunningTotal total) {
        return new SummaryTotal(userId, currency, Money.fromMinor(total.totalMinor(), currency), total.count(),
                null, null); // no extremes: see RunningTotal
    }
}
