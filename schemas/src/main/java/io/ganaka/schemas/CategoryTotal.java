package io.ganaka.schemas;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;

/**
 * One user's total for one month, category and currency, as the aggregation topology emits it on
 * {@code ganaka.reports.categories}, keyed by user id. {@code categoryId} null is "Uncategorized". Each record is the
 * absolute current value (a total that fell to zero is emitted with count 0, not removed), so replays are harmless.
 * {@code min} and {@code max} are the smallest and largest live expense of the bucket (null when {@code count} is 0).
 */
public record CategoryTotal(
        String userId,
        int year,
        int month,
        String categoryId,
        String currency,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal total,
        long count,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal min,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal max) {

    /** A total without its extremes (records written before they existed read this way too). */
    public CategoryTotal(String userId, int year, int month, String categoryId, String currency, BigDecimal total,
            long count) {
        this(userId, year, month, categoryId, currency, total, count, null, null);
    }
}
