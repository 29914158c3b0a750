package io.ganaka.api.rules;

import io.ganaka.schemas.rules.ExpenseFacts;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A live expense without a category, as the rules see it, with the version and tags its categorization keeps. */
record UncategorizedExpense(UUID id, long version, Instant occurredAt, String description, String merchant,
                            BigDecimal amount, List<String> tags) {

    ExpenseFacts facts() {
        return new ExpenseFacts(description, merchant, amount);
    }
}
