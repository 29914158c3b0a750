package io.ganaka.streams.reports;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The aggregate behind a monthly or all-time total: the exact sum in minor units, the number of live expenses, and
 * the multiset of their amounts (amount -> how many), so that taking out the largest expense yields the next largest
 * exactly instead of a stale extreme.
 */
public record AmountStats(long totalMinor, long count, SortedMap<Long, Long> amounts) {

    public AmountStats {
        amounts = Collections.unmodifiableSortedMap(amounts == null ? new TreeMap<>() : new TreeMap<>(amounts));
    }

    public static AmountStats zero() {
        return new AmountStats(0, 0, new TreeMap<>());
    }

    public AmountStats plus(long amountMinor) {
        TreeMap<Long, Long> more = new TreeMap<>(amounts);
        more.merge(amountMinor, 1L, Long::sum);
        return new AmountStats(Math.addExact(totalMinor, amountMinor), count + 1, more);
    }

    /** @throws IllegalStateException if the amount is not in the multiset: a subtract without its add is a bug */
    public AmountStats minus(long amountMinor) {
        TreeMap<Long, Long> fewer = new TreeMap<>(amounts);
        Long held = fewer.get(amountMinor);
        if (held == null) {
            throw new IllegalStateException("cannot take out " + amountMinor + ": it was never added");
        }
        if (held == 1) {
            fewer.remove(amountMinor);
        } else {
            fewer.put(amountMinor, held - 1);
        }
        return new AmountStats(Math.subtractExact(totalMinor, amountMinor), count - 1, fewer);
    }

    /** The smallest live amount, or null when there is none. */
    public Long minMinor() {
        return amounts.isEmpty() ? null : amounts.firstKey();
    }

    /** The largest live amount, or null when there is none. */
    public Long maxMinor() {
        return amounts.isEmpty() ? null : amounts.lastKey();
    }
}
