package io.ganaka.schemas;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;

/**
 * One user's running all-time total per currency, as the aggregation topology emits it on
 * {@code ganaka.reports.summary}, keyed by user id; the absolute current value, like {@link MonthlyTotal}, with the
 * smallest and largest live expense of all time in that currency (null when {@code count} is 0).
 */
public record SummaryTotal(
        String userId,
        String currency,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal total,
        long count,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal min,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal max) {}
