package io.ganaka.api.imports;

/**
 * How a file signs its amounts. {@code EXPENSE}: every amount is an expense, written positive (Ganaka's own export).
 * {@code BANK}: a statement, where debits are negative and become expenses of their absolute value while credits
 * (positive amounts) are no expenses at all.
 */
public enum AmountSign {
    EXPENSE, BANK
}
