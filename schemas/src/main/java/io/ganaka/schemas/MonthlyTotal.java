package io.ganaka.schemas;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;

/**
 * One user's total for one month and currency, as the aggregation topology emits it on
 * {@code ganaka.reports.monthly}. Each record is the absolute current value, so applying it twice changes nothing.
 */
public record MonthlyTotal(
        String userId,
        int year,
        int month,
        String currency,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal total,
        long count) {}
