package io.ganaka.schemas.dashboard;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** One of the latest expenses on a dashboard; {@code version} is the expense version it shows. */
public record ExpenseItem(
        String id,
        long version,
        String amount,
        String currency,
        String description,
        String merchant,
        Instant occurredAt,
        String categoryId,
        String categorizedBy,
        List<String> tags) {

    /** Newest first: by {@code occurredAt}, then by id, both descending, as {@code GET /expenses} lists them. */
    public static final Comparator<ExpenseItem> NEWEST_FIRST = Comparator.comparing(ExpenseItem::occurredAt)
            .thenComparing(ExpenseItem::id).reversed();

    public ExpenseItem {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** This version with the category and tags a categorization derived for it. */
    public ExpenseItem categorized(String newCategoryId, String newCategorizedBy, List<String> newTags) {
        return new ExpenseItem(id, version, amount, currency, description, merchant, occurredAt, newCategoryId,
                newCategorizedBy, newTags);
    }
}
