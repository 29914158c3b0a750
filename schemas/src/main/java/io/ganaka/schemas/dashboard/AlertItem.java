package io.ganaka.schemas.dashboard;

import java.time.Instant;
import java.util.Comparator;

/** An open alert on a dashboard, as {@code alert.raised} described it; amounts are decimal strings. */
public record AlertItem(
        String alertId,
        String kind,
        String expenseId,
        String categoryId,
        String currency,
        String amount,
        String threshold,
        Integer percent,
        Integer year,
        Integer month,
        String message,
        Instant raisedAt) {

    /** Newest first, by when it was raised, then by id. */
    public static final Comparator<AlertItem> NEWEST_FIRST = Comparator.comparing(AlertItem::raisedAt)
            .thenComparing(AlertItem::alertId).reversed();
}
