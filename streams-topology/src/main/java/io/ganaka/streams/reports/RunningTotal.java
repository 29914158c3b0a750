package io.ganaka.streams.reports;

/**
 * The state of one report bucket (month, category or all time): the exact sum of its live expenses in minor units,
 * their number, and the smallest and largest of them (null when there are none). Sum and count are invertible;
 * the extremes are not, so taking out the current smallest or largest asks the bucket's {@link Remaining} amounts
 * for the next one, which the ordered {@link AmountIndex} answers with one seek.
 */
public record RunningTotal(long totalMinor, long count, Long minMinor, Long maxMinor) {

    /** The amounts still in a bucket after one was taken out; asked only when the one taken out was an extreme. */
    public interface Remaining {

        long smallest();

        long largest();
    }

    public static RunningTotal zero() {
        return new RunningTotal(0, 0, null, null);
    }

    /** This total with one more live expense. */
    public RunningTotal plus(long amountMinor) {
        return new RunningTotal(Math.addExact(totalMinor, amountMinor), count + 1,
                count == 0 ? amountMinor : Math.min(minMinor, amountMinor),
                count == 0 ? amountMinor : Math.max(maxMinor, amountMinor));
    }

    /**
     * This total without one live expense; {@code remaining} are the bucket's amounts without it.
     *
     * @throws IllegalStateException when more is taken out than was added: a subtract without its add is a bug
     */
    public RunningTotal minus(long amountMinor, Remaining remaining) {
        if (count == 0) {
            throw new IllegalStateException("cannot take out " + amountMinor + ": nothing was added");
        }
        long total = Math.subtractExact(totalMinor, amountMinor);
        if (count == 1) {
            return new RunningTotal(total, 0, null, null);
        }
        // Only an amount equal to an extreme can have been that extreme; any other leaves both as they were.
        return new RunningTotal(total, count - 1,
                amountMinor == minMinor ? remaining.smallest() : minMinor,
                amountMinor == maxMinor ? remaining.largest() : maxMinor);
    }
}
