package io.ganaka.streams.reports;

import org.apache.kafka.streams.kstream.Aggregator;

/** Takes an expense's previous state out of a monthly or all-time total (the old side of a change, or a delete). */
public final class AmountStatsSubtractor<K> implements Aggregator<K, ExpenseState, AmountStats> {

    @Override
    public AmountStats apply(K key, ExpenseState expense, AmountStats stats) {
        return stats.minus(expense.amountMinor());
    }
}
