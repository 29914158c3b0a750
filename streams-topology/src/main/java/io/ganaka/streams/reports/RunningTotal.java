package io.ganaka.streams.reports;

/**
 * The aggregate behind every report bucket (month, category, all time): the exact sum in minor units and the number of
 * live expenses. Both are invertible, so the subtractor is exact. Minimum and maximum are not kept: exact extremes
 * under deletes need every live amount, and a DSL aggregate rewrites its whole value on each change, so each update
 * would cost as much as the bucket's history (see docs/aggregates.md).
 */
public record RunningTotal(long totalMinor, long count) {

    public static RunningTotal zero() {
        return new RunningTotal(0, 0);
    }

    public RunningTotal plus(long amountMinor) {
        return new RunningTotal(Math.addExact(totalMinor, amountMinor), count + 1);
    }

    /** @throws IllegalStateException when more is taken out than was added: a subtract without its add is a bug */
    public RunningTotal minus(long amountMinor) {
        if (count == 0) {
            throw new IllegalStateException("cannot take out " + amountMinor + ": nothing was added");
        }
        return new RunningTotal(Math.subtractExact(totalMinor, amountMinor), count - 1);
    }
}
