package io.ganaka.streams.reports;

import io.ganaka.schemas.Money;
import io.ganaka.schemas.SummaryTotal;
import java.math.BigDecimal;

/** The all-time bucket of a live expense: one user, one currency. */
public record SummaryKey(String userId, String currency) {

    public static SummaryKey of(ExpenseState state) {
        return new SummaryKey(state.userId(), state.currency());
    }

    public SummaryTotal toSummaryTotal(AmountStats stats) {
        return new SummaryTotal(userId, currency, Money.fromMinor(stats.totalMinor(), currency), stats.count(),
                decimal(stats.minMinor()), decimal(stats.maxMinor()));
    }

    private BigDecimal decimal(Long minor) {
        return minor == null ? null : Money.fromMinor(minor, currency);
    }
}
