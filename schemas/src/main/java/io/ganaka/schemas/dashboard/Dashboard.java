package io.ganaka.schemas.dashboard;

import java.util.List;

/**
 * One user's dashboard as clients see it: {@code GET /dashboard}, and the {@code data} of the {@code snapshot} and
 * {@code dashboard.changed} live messages. {@code version} grows with every change (milliseconds since the epoch or
 * more), so a client keeps the dashboard with the highest version it has seen. {@code month} ({@code 2026-03}) is the
 * current month in the user's {@code timezone}; totals and categories are that month's, per currency.
 */
public record Dashboard(
        String userId,
        long version,
        String month,
        String timezone,
        List<Total> totals,
        List<CategoryLine> categories,
        List<ExpenseItem> latestExpenses,
        List<AlertItem> alerts) {

    public Dashboard {
        totals = List.copyOf(totals);
        categories = List.copyOf(categories);
        latestExpenses = List.copyOf(latestExpenses);
        alerts = List.copyOf(alerts);
    }

    /** The month's total in one currency; {@code total} is a decimal string. */
    public record Total(String currency, String total, long count) {}

    /** The month's total of one category ({@code categoryId} null: Uncategorized) in one currency. */
    public record CategoryLine(String categoryId, String currency, String total, long count) {}

    /** The same dashboard at another version, e.g. to compare two dashboards by content. */
    public Dashboard withVersion(long newVersion) {
        return new Dashboard(userId, newVersion, month, timezone, totals, categories, latestExpenses, alerts);
    }
}
