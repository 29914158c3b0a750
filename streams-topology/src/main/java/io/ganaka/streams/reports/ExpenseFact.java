package io.ganaka.streams.reports;

import java.util.Objects;

/**
 * One thing learnt about an expense from the categorized stream: either a new version of it ({@code change}: an add,
 * update or delete) or a categorization of one of its versions. Exactly one of the two is set.
 */
public record ExpenseFact(ExpenseState change, Categorization categorization) {

    public ExpenseFact {
        if ((change == null) == (categorization == null)) {
            throw new IllegalArgumentException("exactly one of change and categorization must be set");
        }
    }

    public static ExpenseFact of(ExpenseState change) {
        return new ExpenseFact(Objects.requireNonNull(change, "change"), null);
    }

    public static ExpenseFact of(Categorization categorization) {
        return new ExpenseFact(null, Objects.requireNonNull(categorization, "categorization"));
    }

    public ExpenseKey key() {
        return change != null ? change.key() : new ExpenseKey(categorization.userId(), categorization.expenseId());
    }
}
