package io.ganaka.api.expenses;

import java.util.Optional;

/**
 * The outcome of a replace or delete: the accepted change, whether the expenses sink reported it projected within
 * the caller's {@code Prefer: wait}, and the expense as it now reads (empty after a delete).
 */
public record ExpenseChanged(ExpenseChangeAccepted accepted, boolean projected, Optional<ExpenseView> view) {}
