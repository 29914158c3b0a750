package io.ganaka.streams.reports;

import io.ganaka.schemas.Money;
import io.ganaka.schemas.MonthlyTotal;
import java.math.BigDecimal;

/** The bucket a live expense counts towards: one user, one month in their time zone, one currency (never mixed). */
public record MonthKey(String userId, int year, int month, String currency) {

    public static MonthKey of(ExpenseState state) {
        return new MonthKey(state.userId(), state.year(), state.month(), state.currency());
    }

    public MonthlyTotal toMonthlyTotal(AmountStats stats) {
        return new MonthlyTotal(userId, year, month, currency, Money.fromMinor(stats.totalMinor(), currency), stats.count(),
                decimal(stats.minMinor()), decimal(stats.maxMinor()));
    }

    private BigDecimal decimal(Long minor) {
        return minor == null ? null : Money.fromMinor(minor, currency);
    }
}
