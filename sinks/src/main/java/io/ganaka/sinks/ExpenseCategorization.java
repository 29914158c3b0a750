package io.ganaka.sinks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The category, origin and tags derived for one version of an expense ({@code expense.categorized}); it changes the
 * row only while the row is live and still at {@code expenseVersion}.
 *
 * @param at the event time, which becomes the row's {@code updated_at}
 */
record ExpenseCategorization(
        UUID userId,
        UUID id,
        long expenseVersion,
        UUID categoryId,
        String categorizedBy,
        List<String> tags,
        Instant at) implements ExpenseWrite {

    ExpenseCategorization {
        tags = List.copyOf(tags);
    }
}
