package io.ganaka.sinks;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One version of an expense as the {@code expenses} table holds it. A delete is a tombstone row: it carries only
 * the version and times, and never overwrites the data of the version it deletes.
 *
 * @param createdAt the event time of the oldest version seen for this row
 * @param updatedAt the event time of this version
 */
record ExpenseRow(
        UUID userId,
        UUID id,
        long version,
        boolean deleted,
        BigDecimal amount,
        String currency,
        String description,
        String merchant,
        Instant occurredAt,
        UUID categoryId,
        List<String> tags,
        String notes,
        Instant createdAt,
        Instant updatedAt) implements ExpenseWrite {

    /**
     * A delete. When it arrives before any version of its expense it has no data to carry; the table allows that for
     * deleted rows only, and a late older version then fills the data in without undoing the delete.
     */
    static ExpenseRow tombstone(UUID userId, UUID id, long version, Instant at) {
        return new ExpenseRow(userId, id, version, true, null, null, null, null, null, null, List.of(), null, at, at);
    }

    String categorizedBy() {
        return categoryId == null ? "none" : "user";
    }

    /**
     * Two versions of the same expense folded into what writing both in version order leaves: the newest
     * version and time, the first time seen, deleted once any version is a delete, and the data of the newest
     * version that is not a delete.
     */
    ExpenseRow merge(ExpenseRow other) {
        ExpenseRow newer = other.version > version ? other : this;
        ExpenseRow older = newer == this ? other : this;
        ExpenseRow data = !newer.deleted || older.deleted ? newer : older;
        Instant firstSeen = createdAt.isBefore(other.createdAt) ? createdAt : other.createdAt;
        return new ExpenseRow(userId, id, newer.version, newer.deleted || older.deleted, data.amount, data.currency,
                data.description, data.merchant, data.occurredAt, data.categoryId, data.tags, data.notes, firstSeen,
                newer.updatedAt);
    }
}
