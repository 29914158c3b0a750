package io.ganaka.streams.reports;

import io.ganaka.schemas.Money;
import io.ganaka.schemas.SummaryTotal;

/** The all-time bucket of a live expense: one user, one currency. */
public record SummaryKey(String userId, String currency) implements Bucket<SummaryTotal> {

    public static SummaryKey of(ExpenseState state) {
        return new SummaryKey(state.userId(), state.currency());
    }

    @Override
    public byte[] toBytes() {
        return new BucketBytes().text(userId).text(currency).toBytes();
    }

    @Override
    public SummaryTotal report(RunningTotal total) {
        return new SummaryTotal(userId, currency, Money.fromMinor(total.totalMinor(), currency), total.count(),
                Bucket.extreme(total.minMinor(), currency), Bucket.extreme(total.maxMinor(), currency));
    }
}
