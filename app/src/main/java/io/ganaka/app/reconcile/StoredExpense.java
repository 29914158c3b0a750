package io.ganaka.app.reconcile;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One row of {@code expenses} as the reconciler reads it; a tombstone ({@code deleted}) may lack the data. */
public record StoredExpense(
        UUID id,
        long version,
        boolean deleted,
        BigDecimal amount,
        String currency,
        Instant occurredAt,
        UUID categoryId) {

    public boolean live() {
        return !deleted;
    }
}
