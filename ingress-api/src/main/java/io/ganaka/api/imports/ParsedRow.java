package io.ganaka.api.imports;

import java.time.Instant;
import java.util.List;

/**
 * One row of a file as a parser read it, before the expense rules run: either the values it found or, when the
 * row cannot be an expense at all (a credit, an unreadable date), why not.
 *
 * @param number     1-based: the first data row (or transaction) of the file is row 1
 * @param amount     the expense amount as a plain decimal string, sign already applied; null when missing
 * @param externalId the bank's own transaction id (OFX FITID), null for other formats
 * @param rejection  why the row is rejected before validation, or null
 */
public record ParsedRow(int number, Instant occurredAt, String amount, String currency, String description,
                        String merchant, String category, List<String> tags, String notes, String externalId,
                        String rejection) {

    public ParsedRow {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public static ParsedRow rejected(int number, String reason) {
        return new ParsedRow(number, null, null, null, null, null, null, List.of(), null, null, reason);
    }

    public boolean isRejected() {
        return rejection != null;
    }
}
