package io.ganaka.streams.reports;

import org.apache.kafka.streams.kstream.Aggregator;

/** Takes an expense's previous state out of its category total (the old side of a change or move, or a delete). */
public final class CategoryTotalSubtractor implements Aggregator<CategoryKey, ExpenseState, RunningTotal> {

    @Override
    public RunningTotal apply(CategoryKey key, ExpenseState expense, RunningTotal total) {
        return total.minus(expense.amountMinor());
    }
}
