package io.ganaka.api.imports;

import io.ganaka.api.expenses.ExpenseRequest;
import java.util.Locale;
import java.util.UUID;

/**
 * What became of one row. An imported row carries its validated expense (to publish) and new expense id; a
 * duplicate the id of the expense it repeats, when that one exists already; a rejected row its reason.
 */
public record RowOutcome(int row, Outcome outcome, UUID expenseId, String reason, String warning,
                         ExpenseRequest expense) {

    /** The three outcomes, as stored and as the {@code outcome} filter names them. */
    public enum Outcome {
        IMPORTED, DUPLICATE, REJECTED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static RowOutcome imported(int row, UUID expenseId, ExpenseRequest expense, String warning) {
        return new RowOutcome(row, Outcome.IMPORTED, expenseId, null, warning, expense);
    }

    public static RowOutcome duplicate(int row, UUID existingExpenseId, String reason) {
        return new RowOutcome(row, Outcome.DUPLICATE, existingExpenseId, reason, null, null);
    }

    public static RowOutcome rejected(int row, String reason) {
        return new RowOutcome(row, Outcome.REJECTED, null, reason, null, null);
    }
}
