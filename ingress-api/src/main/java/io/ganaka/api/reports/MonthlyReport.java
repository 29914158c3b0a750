package io.ganaka.api.reports;

import java.util.List;

/** One user's totals for one calendar month, one entry per currency (never mixed), without emptied totals. */
public record MonthlyReport(int year, int month, List<CurrencyTotal> totals) {}
