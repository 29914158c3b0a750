package io.ganaka.schemas.rules;

import java.math.BigDecimal;

/** What rules look at in an expense; {@code merchant} (and, in hand-made records, any field) may be null. */
public record ExpenseFacts(String description, String merchant, BigDecimal amount) {}
