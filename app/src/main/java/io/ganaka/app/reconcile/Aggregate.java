package io.ganaka.app.reconcile;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One report bucket: total, count, smallest and largest amount. Amounts are kept at scale 2 (as Postgres stores
 * them) so that equal values are equal records; {@code min}/{@code max} are null when the count is 0.
 */
record Aggregate(BigDecimal total, long count, BigDecimal min, BigDecimal max) {

    static final Aggregate EMPTY = new Aggregate(BigDecimal.ZERO, 0, null, null);

    Aggregate {
        total = scaled(total);
        min = scaled(min);
        max = scaled(max);
    }

    Aggregate plus(BigDecimal amount) {
        return new Aggregate(total.add(amount), count + 1, min == null || amount.compareTo(min) < 0 ? amount : min,
                max == null || amount.compareTo(max) > 0 ? amount : max);
    }

    @Override
    public String toString() {
        return "total " + total.toPlainString() + ", count " + count + ", min " + plain(min) + ", max " + plain(max);
    }

    private static String plain(BigDecimal value) {
        return value == null ? "null" : value.toPlainString();
    }

    private static BigDecimal scaled(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_EVEN);
    }
}
