package io.ganaka.api.expenses;

import java.time.Instant;
import java.util.List;

/** An expense as the API returns it; {@code amount} is a decimal string in the currency's digits. */
public record ExpenseView(
        String id,
        long version,
        String amount,
        String currency,
        String description,
        String merchant,
        Instant occurredAt,
        String categoryId,
        String categorizedBy,
        List<String> tags,
        String notes,
        Instant createdAt,
        Instant updatedAt) {}
