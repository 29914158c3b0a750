package io.ganaka.streams.reports;

import java.util.List;

/** An {@code expense.categorized} event as the expense table applies it: to one version of one expense only. */
public record Categorization(
        String userId, String expenseId, long expenseVersion, String categoryId, String categorizedBy, List<String> tags) {

    public Categorization {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
