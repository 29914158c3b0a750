package io.ganaka.streams.reports;

import org.apache.kafka.streams.kstream.Aggregator;

/** Counts a live expense into its month's category total (a new expense, or the new side of a change). */
public final class CategoryTotalAdder implements Aggregator<CategoryKey, ExpenseState, RunningTotal> {

    @Override
    public RunningTotal apply(CategoryKey key, ExpenseState expense, RunningTotal total) {
        return total.plus(expense.amountMinor());
    }
}
