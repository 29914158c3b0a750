package io.ganaka.schemas;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;

/**
 * One user's total for one month and currency, as the aggregation topology emits it on
 * {@code ganaka.reports.monthly}. Each record is the absolute current value, so applying it twice changes nothing.
 * {@code min} and {@code max} are the smallest and largest live expense of the month (null when {@code count} is 0);
 * the average is {@code total / count}, computed by readers.
 */
public record MonthlyTotal(
        String userId,
        int year,
        int month,
        String currency,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal total,
        long count,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal min,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal max) {

    /** A total without its extremes (records written before they existed read this way too). */
    public MonthlyTotal(String userId, int year, int month, String currency, BigDecimal total, long count) {
        this(userId, year, month, currency, total, count, null, null);
    }
}
