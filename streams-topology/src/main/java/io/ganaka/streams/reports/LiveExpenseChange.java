package io.ganaka.streams.reports;

/**
 * How one expense's live state changed in the expense table: {@code before} and {@code after} are its states while
 * live, null when it was or is not (not yet known, or deleted). At least one of them is set.
 */
public record LiveExpenseChange(ExpenseState before, ExpenseState after) {

    /** The change from {@code held} to {@code next}, or null when the expense is live in neither. */
    static LiveExpenseChange between(ExpenseState held, ExpenseState next) {
        ExpenseState before = held.deleted() ? null : held;
        ExpenseState after = next.deleted() ? null : next;
        return before == null && after == null ? null : new LiveExpenseChange(before, after);
    }
}
