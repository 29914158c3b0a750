package io.ganaka.streams.reports;

import org.apache.kafka.streams.kstream.Aggregator;

/** Counts a live expense into its month's total (a new expense, or the new side of a change). */
public final class MonthlyTotalAdder implements Aggregator<MonthKey, ExpenseState, RunningTotal> {

    @Override
    public RunningTotal apply(MonthKey key, ExpenseState expense, RunningTotal total) {
        return total.plus(expense.amountMinor());
    }
}
