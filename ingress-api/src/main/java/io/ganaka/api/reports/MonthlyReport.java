package io.ganaka.api.reports;

import java.util.List;

/** One user's totals for one calendar month, one entry per currency (never mixed). */
public record MonthlyReport(int year, int month, List<CurrencyTotal> totals) {

    /** The total and number of expenses in one currency; {@code total} is a decimal string. */
    public record CurrencyTotal(String currency, String total, long count) {}
}
