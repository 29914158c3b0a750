package io.ganaka.streams.alerts;

import io.ganaka.schemas.EventPayload.AlertRaised;
import io.ganaka.schemas.EventPayload.ExpenseAdded;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Flags an added amount far above the user's history in its category and currency. Method: with at least
 * {@code minimumHistory} earlier adds in that history (count, mean and sample standard deviation kept by
 * {@link SpendingHistory}), an amount is unusual when it is above both {@code mean + deviations * stddev} and
 * {@code ratio * mean} (defaults 3 sigma and 2x). The second bound keeps a very regular history (stddev near 0) from
 * flagging small rises; the first keeps a spread-out history from flagging its normal peaks. Only adds count: an edit
 * changes neither the history nor raises this alert.
 */
final class UnusualSpendingDetector {

    static final String KIND = "unusual-spending";

    private final AlertSettings settings;

    UnusualSpendingDetector(AlertSettings settings) {
        this.settings = settings;
    }

    /** @param history the history before this add */
    Optional<AlertRaised> detect(ExpenseAdded expense, String categoryId, SpendingHistory history) {
        if (expense.amount() == null || history.count() < settings.minimumHistory()) {
            return Optional.empty();
        }
        double amount = expense.amount().doubleValue();
        double bound = Math.max(history.mean() + settings.deviations() * history.standardDeviation(),
                settings.ratio() * history.mean());
        if (amount <= bound) {
            return Optional.empty();
        }
        BigDecimal threshold = BigDecimal.valueOf(bound).setScale(Math.max(expense.amount().scale(), 0), RoundingMode.HALF_UP);
        BigDecimal mean = BigDecimal.valueOf(history.mean()).setScale(Math.max(expense.amount().scale(), 0), RoundingMode.HALF_UP);
        String id = AlertIds.of(KIND, expense.expenseId(), Long.toString(expense.expenseVersion()));
        String message = "Unusual spending: " + expense.amount().toPlainString() + " " + expense.currency()
                + " is far above your usual " + mean.toPlainString() + " " + expense.currency() + " in this category ("
                + history.count() + " earlier expenses).";
        return Optional.of(new AlertRaised(id, KIND, expense.expenseId(), expense.expenseVersion(), categoryId,
                expense.currency(), expense.amount(), threshold, null, null, null, message));
    }
}
