package io.ganaka.streams.alerts;

import io.ganaka.schemas.EventPayload.AlertRaised;
import io.ganaka.schemas.EventPayload.ExpenseChange;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Flags an expense version whose amount reaches the user's threshold. Thresholds carry no currency (the preference is
 * one decimal), so the plain amount is compared whatever its currency. An update alerts only when it lifts the amount
 * from below the threshold (or from an amount this topology never saw) to at least the threshold.
 */
final class HighValueDetector {

    static final String KIND = "high-value";

    /**
     * @param previousAmount the amount of the expense's previous version, null on add or when unknown
     */
    Optional<AlertRaised> detect(ExpenseChange expense, BigDecimal previousAmount, BigDecimal threshold) {
        if (expense.amount() == null || expense.amount().compareTo(threshold) < 0) {
            return Optional.empty();
        }
        if (previousAmount != null && previousAmount.compareTo(threshold) >= 0) {
            return Optional.empty();
        }
        String id = AlertIds.of(KIND, expense.expenseId(), Long.toString(expense.expenseVersion()));
        String message = "High-value expense: " + expense.amount().toPlainString() + " " + expense.currency()
                + " reaches your threshold of " + threshold.toPlainString() + ".";
        return Optional.of(new AlertRaised(id, KIND, expense.expenseId(), expense.expenseVersion(),
                expense.categoryId(), expense.currency(), expense.amount(), threshold, null, null, null, message));
    }
}
