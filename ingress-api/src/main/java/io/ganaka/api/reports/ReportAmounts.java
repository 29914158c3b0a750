package io.ganaka.api.reports;

import io.ganaka.schemas.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** How reports print amounts: in the currency's digits, and the average of a total rounded half-even to them. */
final class ReportAmounts {

    private ReportAmounts() {}

    /** The amount as a decimal string in the currency's digits; null stays null. */
    static String format(BigDecimal amount, String currency) {
        if (amount == null) {
            return null;
        }
        try {
            return Money.format(amount, currency);
        } catch (IllegalArgumentException | ArithmeticException e) {
            // Unknown code or more digits than the currency has: show the stored value as it is rather than fail.
            return amount.toPlainString();
        }
    }

    /** {@code total / count} rounded half-even to the currency's digits; null when there is nothing to average. */
    static String average(BigDecimal total, long count, String currency) {
        if (total == null || count <= 0) {
            return null;
        }
        int digits = Money.currency(currency).map(c -> c.getDefaultFractionDigits()).orElse(total.scale());
        return total.divide(BigDecimal.valueOf(count), digits, RoundingMode.HALF_EVEN).toPlainString();
    }
}
