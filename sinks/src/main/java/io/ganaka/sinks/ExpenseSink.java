package io.ganaka.sinks;

import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventPayload;
import io.ganaka.schemas.Naming;
import io.ganaka.schemas.Topic;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Projects expense events into the hash-partitioned {@code expenses} table. Every write is an upsert guarded by the
 * expense version, so duplicates, replays and reordering all converge on the newest version; a delete is a tombstone
 * that a late, older version cannot bring back. Events of users whose account is gone are skipped.
 */
final class ExpenseSink implements Sink<ExpenseRow> {

    /**
     * Newer version wins; {@code created_at} keeps the earliest event time seen, whatever order versions came in; a
     * tombstone that came first (no data yet) takes the data of the first version that arrives after it.
     */
    static final String UPSERT = """
            INSERT INTO expenses AS e (user_id, id, version, amount, currency, description, merchant, occurred_at,
                                       category_id, categorized_by, tags, notes, deleted, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (user_id, id) DO UPDATE SET
                version        = GREATEST(e.version, EXCLUDED.version),
                amount         = CASE WHEN (e.version < EXCLUDED.version OR e.amount IS NULL) AND NOT EXCLUDED.deleted
                                      THEN EXCLUDED.amount ELSE e.amount END,
                currency       = CASE WHEN (e.version < EXCLUDED.version OR e.amount IS NULL) AND NOT EXCLUDED.deleted
                                      THEN EXCLUDED.currency ELSE e.currency END,
                description    = CASE WHEN (e.version < EXCLUDED.version OR e.amount IS NULL) AND NOT EXCLUDED.deleted
                                      THEN EXCLUDED.description ELSE e.description END,
                merchant       = CASE WHEN (e.version < EXCLUDED.version OR e.amount IS NULL) AND NOT EXCLUDED.deleted
                                      THEN EXCLUDED.merchant ELSE e.merchant END,
                occurred_at    = CASE WHEN (e.version < EXCLUDED.version OR e.amount IS NULL) AND NOT EXCLUDED.deleted
                                      THEN EXCLUDED.occurred_at ELSE e.occurred_at END,
                category_id    = CASE WHEN (e.version < EXCLUDED.version OR e.amount IS NULL) AND NOT EXCLUDED.deleted
                                      THEN EXCLUDED.category_id ELSE e.category_id END,
                categorized_by = CASE WHEN (e.version < EXCLUDED.version OR e.amount IS NULL) AND NOT EXCLUDED.deleted
                                      THEN EXCLUDED.categorized_by ELSE e.categorized_by END,
                tags           = CASE WHEN (e.version < EXCLUDED.version OR e.amount IS NULL) AND NOT EXCLUDED.deleted
                                      THEN EXCLUDED.tags ELSE e.tags END,
                notes          = CASE WHEN (e.version < EXCLUDED.version OR e.amount IS NULL) AND NOT EXCLUDED.deleted
                                      THEN EXCLUDED.notes ELSE e.notes END,
                deleted        = e.deleted OR (e.version < EXCLUDED.version AND EXCLUDED.deleted),
                created_at     = LEAST(e.created_at, EXCLUDED.created_at),
                updated_at     = CASE WHEN e.version < EXCLUDED.version
                                      THEN EXCLUDED.updated_at ELSE e.updated_at END
            WHERE e.version < EXCLUDED.version OR e.created_at > EXCLUDED.created_at
               OR (e.amount IS NULL AND NOT EXCLUDED.deleted)
            """;

    private final String topic;

    ExpenseSink(Naming naming) {
        this.topic = naming.topic(Topic.EXPENSES);
    }

    @Override
    public String name() {
        return "expenses";
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public Optional<ExpenseRow> decode(ConsumerRecord<byte[], byte[]> record) throws PoisonRecordException {
        Optional<Event> decoded = EventRecords.decode(record);
        if (decoded.isEmpty()) {
            return Optional.empty();
        }
        Event event = decoded.get();
        UUID userId = EventRecords.uuid(event.userId(), "userId");
        Instant at = event.occurredAt();
        if (event.data() instanceof EventPayload.ExpenseChange change) {
            return Optional.of(toRow(userId, change, at));
        }
        if (event.data() instanceof EventPayload.ExpenseDeleted deleted) {
            UUID id = EventRecords.uuid(deleted.expenseId(), "expenseId");
            return Optional.of(ExpenseRow.tombstone(userId, id, version(deleted.expenseVersion()), at));
        }
        return Optional.empty(); // another event type on the expenses topic: not this sink's business
    }

    private static ExpenseRow toRow(UUID userId, EventPayload.ExpenseChange change, Instant at)
            throws PoisonRecordException {
        UUID id = EventRecords.uuid(change.expenseId(), "expenseId");
        UUID categoryId = change.categoryId() == null ? null : EventRecords.uuid(change.categoryId(), "categoryId");
        if (change.amount() == null || change.currency() == null || change.occurredAt() == null) {
            throw new PoisonRecordException("expense " + id + " lacks amount, currency or occurredAt");
        }
        return new ExpenseRow(userId, id, version(change.expenseVersion()), false, change.amount(), change.currency(),
                change.description() == null ? "" : change.description(), change.merchant(), change.occurredAt(),
                categoryId, change.tags(), change.notes(), at, at);
    }

    private static long version(long version) throws PoisonRecordException {
        if (version < 1) {
            throw new PoisonRecordException("expenseVersion must be at least 1: " + version);
        }
        return version;
    }

    @Override
    public void write(Connection connection, List<ExpenseRow> batch) throws SQLException {
        List<ExpenseRow> rows = collapse(batch);
        Set<UUID> living = LivingUsers.lock(connection, rows.stream().map(ExpenseRow::userId).toList());
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            for (ExpenseRow row : rows) {
                if (!living.contains(row.userId())) {
                    continue; // the account is gone: a late event must not bring its data back
                }
                int i = 0;
                upsert.setObject(++i, row.userId());
                upsert.setObject(++i, row.id());
                upsert.setLong(++i, row.version());
                upsert.setBigDecimal(++i, row.amount());
                upsert.setString(++i, row.currency());
                upsert.setString(++i, row.description());
                upsert.setString(++i, row.merchant());
                upsert.setObject(++i, utc(row.occurredAt()));
                upsert.setObject(++i, row.categoryId());
                upsert.setString(++i, row.categorizedBy());
                upsert.setArray(++i, connection.createArrayOf("text", row.tags().toArray()));
                upsert.setString(++i, row.notes());
                upsert.setBoolean(++i, row.deleted());
                upsert.setObject(++i, utc(row.createdAt()));
                upsert.setObject(++i, utc(row.updatedAt()));
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    /** One row per expense, because one multi-row upsert may not touch the same row twice. */
    static List<ExpenseRow> collapse(List<ExpenseRow> batch) {
        Map<List<UUID>, ExpenseRow> latest = new LinkedHashMap<>();
        for (ExpenseRow row : batch) {
            latest.merge(List.of(row.userId(), row.id()), row, ExpenseRow::merge);
        }
        return new ArrayList<>(latest.values());
    }

    /** Null stays null: a tombstone that comes on its own carries no occurredAt. */
    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
