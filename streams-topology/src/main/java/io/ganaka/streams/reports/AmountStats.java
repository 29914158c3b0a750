package io.ganaka.streams.reports;

/**
 * The aggregate behind a monthly or all-time total: the exact sum in minor units and the number of live expenses.
 * Both are invertible, so the subtractor is exact. Minimum and maximum are not kept here: exact extremes under
 * deletes need every amount, and a DSL aggregate rewrites its whole value on each change, which made each update
 * cost as much as the month's (or the user's whole history's) expenses.
 */
public record AmountStats(long totalMinor, long count) {

    public static AmountStats zero() {
        return new AmountStats(0, 0);
    }

    public AmountStats plus(long amountMinor) {
        return new AmountStats(Math.addExact(totalMinor, amountMinor), count + 1);
    }

    /** @throws IllegalStateException when more is taken out than was added: a subtract without its add is a bug */
    public AmountStats minus(long amountMinor) {
        if (count == 0) {
            throw new IllegalStateException("cannot take out " + amountMinor + ": nothing was added");
        }
        return new AmountStats(Math.subtractExact(totalMinor, amountMinor), count - 1);
    }
}
