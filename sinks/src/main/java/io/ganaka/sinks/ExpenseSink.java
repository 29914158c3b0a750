package io.ganaka.sinks;

import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventPayload;
import io.ganaka.schemas.Naming;
import io.ganaka.schemas.StoredInstants;
import io.ganaka.schemas.Topic;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Projects expense events into the hash-partitioned {@code expenses} table. Every version is an upsert guarded by the
 * expense version, so duplicates, replays and reordering all converge on the newest version; a delete is a tombstone
 * that a late, older version cannot bring back. A categorization changes only a live row still at the version it was
 * computed for. Events of users whose account is gone are skipped.
 */
final class ExpenseSink implements Sink<ExpenseWrite> {

    static final Set<String> CATEGORIZED_BY = Set.of("user", "rule", "learned", "none");

    /**
     * Newer version wins; {@code created_at} keeps the earliest event time seen, whatever order versions came in. The
     * data comes from the newest version that had data ({@code data_version}), so a tombstone that came first takes
     * the data of the newest version that arrives after it, in whatever order those arrive. A delete carries no data
     * ({@code data_version} NULL), which never counts as newer.
     */
    static final String UPSERT = """
            INSERT INTO expenses AS e (user_id, id, version, amount, currency, description, merchant, occurred_at,
                                       category_id, categorized_by, tags, notes, deleted, created_at, updated_at,
                                       data_version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (user_id, id) DO UPDATE SET
                version        = GREATEST(e.version, EXCLUDED.version),
                amount         = CASE WHEN {newer} THEN EXCLUDED.amount ELSE e.amount END,
                currency       = CASE WHEN {newer} THEN EXCLUDED.currency ELSE e.currency END,
                description    = CASE WHEN {newer} THEN EXCLUDED.description ELSE e.description END,
                merchant       = CASE WHEN {newer} THEN EXCLUDED.merchant ELSE e.merchant END,
                occurred_at    = CASE WHEN {newer} THEN EXCLUDED.occurred_at ELSE e.occurred_at END,
                category_id    = CASE WHEN {newer} THEN EXCLUDED.category_id ELSE e.category_id END,
                categorized_by = CASE WHEN {newer} THEN EXCLUDED.categorized_by ELSE e.categorized_by END,
                tags           = CASE WHEN {newer} THEN EXCLUDED.tags ELSE e.tags END,
                notes          = CASE WHEN {newer} THEN EXCLUDED.notes ELSE e.notes END,
                data_version   = CASE WHEN {newer} THEN EXCLUDED.data_version ELSE e.data_version END,
                deleted        = e.deleted OR (e.version < EXCLUDED.version AND EXCLUDED.deleted),
                created_at     = LEAST(e.created_at, EXCLUDED.created_at),
                updated_at     = CASE WHEN e.version < EXCLUDED.version
                                      THEN EXCLUDED.updated_at ELSE e.updated_at END
            WHERE e.version < EXCLUDED.version OR e.created_at > EXCLUDED.created_at
               OR {newer}
            """.replace("{newer}", "COALESCE(e.data_version, 0) < COALESCE(EXCLUDED.data_version, 0)");

    /**
     * Only a live row at the categorized version, and only by an event no older than the row's last change, so a late
     * duplicate of an earlier categorization cannot undo a later one; an unchanged result writes nothing.
     */
    static final String CATEGORIZE = """
            UPDATE expenses SET category_id = ?, categorized_by = ?, tags = ?, updated_at = ?
            WHERE user_id = ? AND id = ? AND version = ? AND NOT deleted AND updated_at <= ?
              AND (category_id IS DISTINCT FROM ? OR categorized_by <> ? OR tags <> ?)
            """;

    private final String topic;

    ExpenseSink(Naming naming) {
        this.topic = naming.topic(Topic.EXPENSES_CATEGORIZED);
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
    public Optional<ExpenseWrite> decode(ConsumerRecord<byte[], byte[]> record) throws PoisonRecordException {
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
        if (event.data() instanceof EventPayload.ExpenseCategorized categorized) {
            return Optional.of(toCategorization(userId, categorized, at));
        }
        return Optional.empty(); // another event type on the expenses topic: not this sink's business
    }

    private static ExpenseCategorization toCategorization(UUID userId, EventPayload.ExpenseCategorized categorized,
                                                          Instant at) throws PoisonRecordException {
        UUID id = EventRecords.uuid(categorized.expenseId(), "expenseId");
        UUID categoryId = categorized.categoryId() == null ? null
                : EventRecords.uuid(categorized.categoryId(), "categoryId");
        if (!CATEGORIZED_BY.contains(categorized.categorizedBy())) {
            throw new PoisonRecordException("categorizedBy must be one of " + CATEGORIZED_BY + ": "
                    + categorized.categorizedBy());
        }
        return new ExpenseCategorization(userId, id, version(categorized.expenseVersion()), categoryId,
                categorized.categorizedBy(), categorized.tags(), at);
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
    public void write(Connection connection, List<ExpenseWrite> batch) throws SQLException {
        Set<UUID> living = LivingUsers.lock(connection, batch.stream().map(ExpenseWrite::userId).toList());
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT);
             PreparedStatement categorize = connection.prepareStatement(CATEGORIZE)) {
            for (Round round : rounds(batch)) {
                for (ExpenseRow row : collapse(round.upserts())) {
                    if (living.contains(row.userId())) { // a gone account: a late event must not bring data back
                        addUpsert(connection, upsert, row);
                    }
                }
                for (ExpenseCategorization change : round.categorizations()) {
                    if (living.contains(change.userId())) {
                        addCategorization(connection, categorize, change);
                    }
                }
                upsert.executeBatch();
                categorize.executeBatch();
            }
        }
    }

    /**
     * The writes of a batch that may run together: each round holds at most one run of consecutive same-kind writes
     * per expense, and an expense's runs go to consecutive rounds. Running the rounds in order therefore keeps every
     * expense's writes in topic order, while writes of different expenses (which touch different rows) share rounds.
     */
    record Round(List<ExpenseRow> upserts, List<ExpenseCategorization> categorizations) {}

    static List<Round> rounds(List<ExpenseWrite> batch) {
        record Last(int round, boolean upsert) {}
        Map<List<UUID>, Last> last = new HashMap<>();
        List<Round> rounds = new ArrayList<>();
        for (ExpenseWrite write : batch) {
            List<UUID> key = List.of(write.userId(), write.id());
            boolean upsert = write instanceof ExpenseRow;
            Last previous = last.get(key);
            int round = previous == null ? 0 : previous.upsert() == upsert ? previous.round() : previous.round() + 1;
            while (rounds.size() <= round) {
                rounds.add(new Round(new ArrayList<>(), new ArrayList<>()));
            }
            if (write instanceof ExpenseRow row) {
                rounds.get(round).upserts().add(row);
            } else if (write instanceof ExpenseCategorization change) {
                rounds.get(round).categorizations().add(change);
            }
            last.put(key, new Last(round, upsert));
        }
        return rounds;
    }

    private static void addUpsert(Connection connection, PreparedStatement upsert, ExpenseRow row)
            throws SQLException {
        int i = 0;
        upsert.setObject(++i, row.userId());
        upsert.setObject(++i, row.id());
        upsert.setLong(++i, row.version());
        upsert.setBigDecimal(++i, row.amount());
        upsert.setString(++i, row.currency());
        upsert.setString(++i, row.description());
        upsert.setString(++i, row.merchant());
        upsert.setObject(++i, StoredInstants.utc(row.occurredAt()));
        upsert.setObject(++i, row.categoryId());
        upsert.setString(++i, row.categorizedBy());
        upsert.setArray(++i, connection.createArrayOf("text", row.tags().toArray()));
        upsert.setString(++i, row.notes());
        upsert.setBoolean(++i, row.deleted());
        upsert.setObject(++i, StoredInstants.utc(row.createdAt()));
        upsert.setObject(++i, StoredInstants.utc(row.updatedAt()));
        upsert.setObject(++i, row.dataVersion(), java.sql.Types.BIGINT);
        upsert.addBatch();
    }

    private static void addCategorization(Connection connection, PreparedStatement categorize,
                                          ExpenseCategorization change) throws SQLException {
        Array tags = connection.createArrayOf("text", change.tags().toArray());
        int i = 0;
        categorize.setObject(++i, change.categoryId());
        categorize.setString(++i, change.categorizedBy());
        categorize.setArray(++i, tags);
        categorize.setObject(++i, StoredInstants.utc(change.at()));
        categorize.setObject(++i, change.userId());
        categorize.setObject(++i, change.id());
        categorize.setLong(++i, change.expenseVersion());
        categorize.setObject(++i, StoredInstants.utc(change.at()));
        categorize.setObject(++i, change.categoryId());
        categorize.setString(++i, change.categorizedBy());
        categorize.setArray(++i, tags);
        categorize.addBatch();
    }

    /** One row per expense, because one multi-row upsert may not touch the same row twice. */
    static List<ExpenseRow> collapse(List<ExpenseRow> batch) {
        Map<List<UUID>, ExpenseRow> latest = new LinkedHashMap<>();
        for (ExpenseRow row : batch) {
            latest.merge(List.of(row.userId(), row.id()), row, ExpenseRow::merge);
        }
        return new ArrayList<>(latest.values());
    }
}
