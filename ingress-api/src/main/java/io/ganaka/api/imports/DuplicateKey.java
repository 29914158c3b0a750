package io.ganaka.api.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * What makes two expenses the same for an import: the calendar day of occurredAt in UTC, the amount (12.3 = 12.30)
 * and the description ignoring case. The currency is deliberately not part of it.
 */
public record DuplicateKey(LocalDate day, BigDecimal amount, String description) {

    public static DuplicateKey of(java.time.Instant occurredAt, BigDecimal amount, String description) {
        return new DuplicateKey(occurredAt.atZone(ZoneOffset.UTC).toLocalDate(), amount.stripTrailingZeros(),
                description.toLowerCase(Locale.ROOT));
    }
}
