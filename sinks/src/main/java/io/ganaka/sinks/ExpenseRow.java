package io.ganaka.sinks;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One version of an expense as the {@code expenses} table holds it. A delete is a tombstone row: it carries only
 * the version and times, and never overwrites the data of the version it deletes.
 *
 * @param createdAt   the event time of the oldest version seen for this row
 * @param updatedAt   the event time of this version
 * @param dataVersion the version the data fields come from; null for a tombstone that has seen no data yet
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
        Instant updatedAt,
        Long dataVersion) implements ExpenseWrite {

    /** One version as an event carries it: its data is its own, unless it is a delete, which carries none. */
    ExpenseRow(UUID userId, UUID id, long version, boolean deleted, BigDecimal amount, String currency,
               String description, String merchant, Instant occurredAt, UUID categoryId, List<String> tags,
               String notes, Instant createdAt, Instant updatedAt) {
        this(userId, id, version, deleted, amount, currency, description, merchant, occurredAt, categoryId, tags,
                notes, createdAt, updatedAt, deleted ? null : version);
    }

    /**
     * A delete. When it arrives before any version of its expense it has no data to carry; the table allows that for
     * deleted rows only, and a late older version then fills the data in without undoing the delete.
     */
    static ExpenseRow tombstone(UUID userId, UUID id, long version, Instant at) {
        return new ExpenseRow(userId, id, version, true, null, null, null, null, null, null, List.of(), null, at, at,
                null);
    }

    String categorizedBy() {
        return categoryId == null ? "none" : "user";
    }

    /**
     * Two versions of the same expense folded into what writing both leaves, in either order: the newest version and
     * time, the first time seen, deleted once any version is a delete, and the data of the newest version that had
     * data.
     */
    ExpenseRow merge(ExpenseRow other) {
        ExpenseRow newer = other.version > version ? other : this;
        ExpenseRow older = newer == this ? other : this;
        ExpenseRow data = dataRank(other) > dataRank(this) ? other : this;
        Instant firstSeen = createdAt.isBefore(other.createdAt) ? createdAt : other.createdAt;
        return new ExpenseRow(userId, id, newer.version, newer.deleted || older.deleted, data.amount, data.currency,
                data.description, data.merchant, data.occurredAt, data.categoryId, data.tags, data.notes, firstSeen,
                newer.updatedAt, data.dataVersion);
    }

    private static long dataRank(ExpenseRow row) {
        return row.dataVersion == null ? 0 : row.dataVersion;
    }
}
