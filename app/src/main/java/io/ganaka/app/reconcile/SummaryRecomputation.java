package io.ganaka.app.reconcile;

import java.time.DateTimeException;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * One user's reports recomputed from the live rows of {@code expenses}: per month and currency, per month, category
 * and currency, and all-time per currency, each a total, count, min and max. The month of an expense is the month of
 * its date in the time zone {@code zoneOf} gives for it (the aggregation topology's rule: the user's zone when that
 * version was processed; a missing or unknown zone is UTC). Buckets are labelled as {@link ProjectionReader} labels
 * the summary rows, so the two maps compare key by key.
 */
record SummaryRecomputation(Map<String, Aggregate> monthly, Map<String, Aggregate> category,
                            Map<String, Aggregate> allTime) {

    static SummaryRecomputation of(Collection<StoredExpense> rows, Function<UUID, String> zoneOf) {
        Map<String, Aggregate> monthly = new HashMap<>();
        Map<String, Aggregate> category = new HashMap<>();
        Map<String, Aggregate> allTime = new HashMap<>();
        for (StoredExpense row : rows) {
            if (!row.live()) {
                continue;
            }
            YearMonth month = YearMonth.from(row.occurredAt().atZone(zoneOrUtc(zoneOf.apply(row.id()))));
            int year = month.getYear();
            int monthOfYear = month.getMonthValue();
            monthly.merge(monthLabel(year, monthOfYear, row.currency()), one(row), SummaryRecomputation::merge);
            category.merge(categoryLabel(year, monthOfYear, row.categoryId(), row.currency()), one(row),
                    SummaryRecomputation::merge);
            allTime.merge(allTimeLabel(row.currency()), one(row), SummaryRecomputation::merge);
        }
        return new SummaryRecomputation(monthly, category, allTime);
    }

    static String monthLabel(int year, int month, String currency) {
        return YearMonth.of(year, month) + " " + currency;
    }

    static String categoryLabel(int year, int month, UUID categoryId, String currency) {
        return YearMonth.of(year, month) + " category " + (categoryId == null ? "uncategorized" : categoryId) + " "
                + currency;
    }

    static String allTimeLabel(String currency) {
        return "all-time " + currency;
    }

    /** As the aggregation topology reads a zone: missing, blank or unknown is UTC. */
    static ZoneId zoneOrUtc(String zone) {
        if (zone == null || zone.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private static Aggregate one(StoredExpense row) {
        return Aggregate.EMPTY.plus(row.amount());
    }

    private static Aggregate merge(Aggregate a, Aggregate b) {
        return new Aggregate(a.total().add(b.total()), a.count() + b.count(), a.min().min(b.min()),
                a.max().max(b.max()));
    }
}
