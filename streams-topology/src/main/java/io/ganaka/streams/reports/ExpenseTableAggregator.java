package io.ganaka.streams.reports;

import org.apache.kafka.streams.kstream.Aggregator;

/**
 * Folds the facts about one expense into its current state. A change replaces the held state only when its version
 * is higher, so duplicates and reordered changes converge; a categorization applies only while the held state is at
 * exactly the version it categorized, so a later edit by the user is never overwritten by a stale categorization.
 */
public final class ExpenseTableAggregator implements Aggregator<ExpenseKey, ExpenseFact, ExpenseState> {

    @Override
    public ExpenseState apply(ExpenseKey key, ExpenseFact fact, ExpenseState held) {
        ExpenseState change = fact.change();
        if (change != null) {
            return change.version() > held.version() ? change : held;
        }
        Categorization categorization = fact.categorization();
        boolean atThatVersion = !held.deleted() && held.version() == categorization.expenseVersion();
        return atThatVersion ? held.categorized(categorization) : held;
    }
}
