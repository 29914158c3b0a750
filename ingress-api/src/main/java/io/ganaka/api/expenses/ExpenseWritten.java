package io.ganaka.api.expenses;

import java.util.Optional;

/**
 * The outcome of an expense write: always the accepted answer, and the expense as projected when the caller asked to
 * wait ({@code Prefer: wait}) and the sink reported it in time.
 */
public record ExpenseWritten(ExpenseAccepted accepted, Optional<ExpenseView> projected) {}
