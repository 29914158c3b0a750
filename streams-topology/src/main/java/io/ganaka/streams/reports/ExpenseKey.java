package io.ganaka.streams.reports;

/** Identifies one expense; scoped by owner so that one user's events can never touch another user's expense. */
public record ExpenseKey(String userId, String expenseId) {}
