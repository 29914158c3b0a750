package io.ganaka.sinks;

import java.util.UUID;

/** One change to one row of the {@code expenses} table, as an expense event on the topic asks for it. */
sealed interface ExpenseWrite permits ExpenseRow, ExpenseCategorization {

    UUID userId();

    UUID id();
}
