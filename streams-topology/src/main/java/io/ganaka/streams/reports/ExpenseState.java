package io.ganaka.streams.reports;

/**
 * The latest known state of one expense, as the topology keeps it: its amount in minor units, the UTC month it falls
 * in, and its version. A deleted expense stays as a tombstone state (amount fields empty) so that an older add
 * arriving late cannot bring it back.
 */
public record ExpenseState(
        String userId,
        String expenseId,
        long version,
        boolean deleted,
        String currency,
        long amountMinor,
        int year,
        int month) {

    public static ExpenseState live(
            String userId, String expenseId, long version, String currency, long amountMinor, int year, int month) {
        return new ExpenseState(userId, expenseId, version, false, currency, amountMinor, year, month);
    }

    public static ExpenseState deleted(String userId, String expenseId, long version) {
        return new ExpenseState(userId, expenseId, version, true, null, 0, 0, 0);
    }

    public ExpenseKey key() {
        return new ExpenseKey(userId, expenseId);
    }
}
