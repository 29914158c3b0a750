package io.ganaka.app.reconcile;

import java.math.BigDecimal;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What one side holds of a user's live expenses, in three numbers that must match: how many, the sum per currency,
 * and an order-independent digest of their ids and versions ({@link IdDigest}).
 */
public record ExpenseTotals(long count, SortedMap<String, BigDecimal> sums, String digest) {

    public static final ExpenseTotals NONE = new Builder().build();

    public ExpenseTotals {
        sums = new TreeMap<>(sums);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder().append(count).append(count == 1 ? " expense" : " expenses");
        for (Map.Entry<String, BigDecimal> sum : sums.entrySet()) {
            b.append(", ").append(sum.getValue().toPlainString()).append(' ').append(sum.getKey());
        }
        return b.append(", digest ").append(digest).toString();
    }

    /** Adds live expenses one at a time. */
    static final class Builder {
        private final IdDigest digest = new IdDigest();
        private final SortedMap<String, BigDecimal> sums = new TreeMap<>();
        private long count;

        Builder add(UUID id, long version, BigDecimal amount, String currency) {
            count++;
            digest.add(id, version);
            // Scale 2 as NUMERIC(12,2) stores it, so that 12.3 and 12.30 compare equal as map values.
            sums.merge(currency, amount.setScale(2, java.math.RoundingMode.HALF_EVEN), BigDecimal::add);
            return this;
        }

        ExpenseTotals build() {
            return new ExpenseTotals(count, sums, digest.hex());
        }
    }
}
