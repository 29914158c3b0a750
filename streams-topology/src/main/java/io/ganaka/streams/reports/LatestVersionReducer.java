package io.ganaka.streams.reports;

import org.apache.kafka.streams.kstream.Reducer;

/**
 * Keeps the newest state of an expense: an incoming state replaces the held one only when its version is higher, so
 * duplicates and reordered events converge to the same state.
 */
public final class LatestVersionReducer implements Reducer<ExpenseState> {

    @Override
    public ExpenseState apply(ExpenseState held, ExpenseState incoming) {
        return incoming.version() > held.version() ? incoming : held;
    }
}
