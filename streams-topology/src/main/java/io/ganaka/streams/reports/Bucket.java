package io.ganaka.streams.reports;

import io.ganaka.schemas.Money;
import java.math.BigDecimal;

/**
 * A report bucket (a month, a category in a month, or all time, of one user and currency) and the report record it
 * becomes.
 *
 * @param <R> the record the bucket is emitted as
 */
interface Bucket<R> {

    String userId();

    /** The bucket's key in the totals and amount-index stores; see {@link BucketBytes}. */
    byte[] toBytes();

    /** The report of this bucket with the given total. */
    R report(RunningTotal total);

    /** An extreme as a decimal of its currency; none (an empty bucket) stays null. */
    static BigDecimal extreme(Long minor, String currency) {
        return minor == null ? null : Money.fromMinor(minor, currency);
    }
}
