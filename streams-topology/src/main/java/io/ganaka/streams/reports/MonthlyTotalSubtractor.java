package io.ganaka.streams.reports;

import org.apache.kafka.streams.kstream.Aggregator;

/** Takes an expense's previous state out of its month's total (the old side of an update, a move, or a delete). */
public final class MonthlyTotalSubtractor implements Aggregator<MonthKey, ExpenseState, RunningTotal> {

    @Override
    public RunningTotal apply(MonthKey key, ExpenseState expense, RunningTotal total) {
        return total.minus(expense.amountMinor());
    }
}
