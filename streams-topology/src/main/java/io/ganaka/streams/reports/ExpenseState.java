package io.ganaka.streams.reports;

import java.util.List;

/**
 * The current state of one expense in the expense table: its amount in minor units, the month it falls in (in the
 * user's time zone as known when this version was processed), its category and its version. A deleted expense stays as
 * a tombstone state (amount fields empty) so that an older add arriving late cannot bring it back; version 0 means
 * nothing is known yet.
 */
public record ExpenseState(
        String userId,
        String expenseId,
        long version,
        boolean deleted,
        String currency,
        long amountMinor,
        int year,
        int month,
        String categoryId,
        String categorizedBy,
        List<String> tags) {

    public ExpenseState {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public static ExpenseState live(String userId, String expenseId, long version, String currency, long amountMinor,
            int year, int month, String categoryId) {
        return new ExpenseState(userId, expenseId, version, false, currency, amountMinor, year, month, categoryId,
                categoryId == null ? "none" : "user", List.of());
    }

    public static ExpenseState deleted(String userId, String expenseId, long version) {
        return new ExpenseState(userId, expenseId, version, true, null, 0, 0, 0, null, null, List.of());
    }

    /** The table's starting point for an expense: nothing known, so any real version replaces it. */
    public static ExpenseState unknown() {
        return new ExpenseState(null, null, 0, true, null, 0, 0, 0, null, null, List.of());
    }

    /** This version with the category, categorizer and tags of a categorization of it. */
    public ExpenseState categorized(Categorization categorization) {
        return new ExpenseState(userId, expenseId, version, deleted, currency, amountMinor, year, month,
                categorization.categoryId(), categorization.categorizedBy(), categorization.tags());
    }

    public ExpenseKey key() {
        return new ExpenseKey(userId, expenseId);
    }
}
