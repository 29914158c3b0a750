package io.ganaka.streams.reports;

import org.apache.kafka.streams.kstream.Aggregator;

/** Takes an expense's previous state out of its bucket's total (the old side of a change or move, or a delete). */
public final class RunningTotalSubtractor<K> implements Aggregator<K, ExpenseState, RunningTotal> {

    @Override
    public RunningTotal apply(K key, ExpenseState expense, RunningTotal total) {
        return total.minus(expense.amountMinor());
    }
}
