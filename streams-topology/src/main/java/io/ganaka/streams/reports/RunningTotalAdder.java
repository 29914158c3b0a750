package io.ganaka.streams.reports;

import org.apache.kafka.streams.kstream.Aggregator;

/** Counts a live expense into its bucket's total (a new expense, or the new side of a change). */
public final class RunningTotalAdder<K> implements Aggregator<K, ExpenseState, RunningTotal> {

    @Override
    public RunningTotal apply(K key, ExpenseState expense, RunningTotal total) {
        return total.plus(expense.amountMinor());
    }
}
