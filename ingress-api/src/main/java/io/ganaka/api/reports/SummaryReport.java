package io.ganaka.api.reports;

import java.util.List;

/** One user's running all-time totals, one entry per currency (never mixed), without emptied totals. */
public record SummaryReport(List<CurrencyTotal> totals) {}
