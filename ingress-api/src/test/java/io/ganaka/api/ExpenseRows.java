package io.ganaka.api;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Seeds the {@code expenses} projection the way the sink writes it, for ingress-api ITs that have no sinks: a row per
 * call, with the fields a test cares about and plain defaults for the rest.
 */
final class ExpenseRows {

    private final DataSource db;
    private final UUID userId;

    ExpenseRows(DataSource db, String userId) {
        this.db = db;
        this.userId = UUID.fromString(userId);
    }

    /** A row as it will be seeded; change what matters with the withers, then {@link #insert()}. */
    record Row(ExpenseRows rows, UUID id, long version, String amount, String currency, String description,
               String merchant, Instant occurredAt, UUID categoryId, boolean deleted) {

        Row version(long v) {
            return new Row(rows, id, v, amount, currency, description, merchant, occurredAt, categoryId, deleted);
        }

        Row amount(String a, String c) {
            return new Row(rows, id, version, a, c, description, merchant, occurredAt, categoryId, deleted);
        }

        Row text(String d, String m) {
            return new Row(rows, id, version, amount, currency, d, m, occurredAt, categoryId, deleted);
        }

        Row category(UUID c) {
            return new Row(rows, id, version, amount, currency, description, merchant, occurredAt, c, deleted);
        }

        Row asTombstone() {
            return new Row(rows, id, version, amount, currency, description, merchant, occurredAt, categoryId, true);
        }

        Row id(UUID i) {
            return new Row(rows, i, version, amount, currency, description, merchant, occurredAt, categoryId, deleted);
        }

        UUID insert() throws Exception {
            rows.insert(this);
            return id;
        }
    }

    /** A live EUR expense at version 1 occurring at {@code occurredAt}. */
    Row at(String occurredAt) {
        return new Row(this, UUID.randomUUID(), 1, "10.00", "EUR", "Groceries", null, Instant.parse(occurredAt), null,
                false);
    }

    /** A category of this user, so that a categoryId of theirs exists. */
    UUID category(String name) throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO categories (user_id, id, name) VALUES (?, ?, ?)")) {
            s.setObject(1, userId);
            s.setObject(2, id);
            s.setString(3, name);
            s.executeUpdate();
        }
        return id;
    }

    private void insert(Row row) throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO expenses (user_id, id, version, amount, currency,"
                     + " description, merchant, occurred_at, category_id, categorized_by, tags, notes, deleted,"
                     + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'seeded', ?,"
                     + " '2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z')")) {
            s.setObject(1, userId);
            s.setObject(2, row.id());
            s.setLong(3, row.version());
            s.setBigDecimal(4, new BigDecimal(row.amount()));
            s.setString(5, row.currency());
            s.setString(6, row.description());
            s.setString(7, row.merchant());
            s.setObject(8, row.occurredAt().atOffset(ZoneOffset.UTC));
            s.setObject(9, row.categoryId());
            s.setString(10, row.categoryId() == null ? "none" : "user");
            s.setArray(11, c.createArrayOf("text", new String[] {"seeded"}));
            s.setBoolean(12, row.deleted());
            s.executeUpdate();
        }
    }
}
