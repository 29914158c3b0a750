package io.ganaka.streams.reports;

import org.apache.kafka.streams.kstream.Aggregator;

/** Counts a live expense into a monthly or all-time total (a new expense, or the new side of a change). */
public final class AmountStatsAdder<K> implements Aggregator<K, ExpenseState, AmountStats> {

    @Override
    public AmountStats apply(K key, ExpenseState expense, AmountStats stats) {
        return stats.plus(expense.amountMinor());
    }
}
