package io.ganaka.sinks;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Decoding and batching shared by the sinks of the aggregation topology's reports (monthly, per category, all-time):
 * each record is a JSON total holding its absolute current value, so only the last one per row matters.
 */
final class ReportRecords {

    private ReportRecords() {}

    /**
     * Where a report record was read. A row keeps the position of its value, and an upsert applies only from a later
     * offset of the same partition (one user's reports always share a partition): a replay from offset 0 then never
     * writes an older total over a newer one. Were the topic recreated or repartitioned, the partition differs or the
     * offsets restart, so the report tables must be emptied with it (see docs/sinks.md).
     */
    record Position(int partition, long offset) {
        static Position of(ConsumerRecord<?, ?> record) {
            return new Position(record.partition(), record.offset());
        }
    }

    /**
     * The update condition shared by the report upserts ({@code s} the row, {@code EXCLUDED} the new total): a later
     * position (or a row without one), and values that differ, so that nothing changes, not even {@code updated_at},
     * when either is not the case.
     */
    static final String NEWER_AND_DIFFERENT = """
            (s.source_offset IS NULL OR s.source_partition <> EXCLUDED.source_partition
                OR s.source_offset < EXCLUDED.source_offset)
            AND (s.total, s.count, s.min_amount, s.max_amount)
                IS DISTINCT FROM (EXCLUDED.total, EXCLUDED.count, EXCLUDED.min_amount, EXCLUDED.max_amount)""";

    /** The record's total, or empty for a tombstone (the topology never removes a total that way). */
    static <T> Optional<T> decode(ConsumerRecord<byte[], byte[]> record, Deserializer<T> deserializer, String what)
            throws PoisonRecordException {
        if (record.value() == null) {
            return Optional.empty();
        }
        try {
            T total = deserializer.deserialize(record.topic(), record.value());
            if (total == null) {
                throw new PoisonRecordException("undecodable " + what + ": JSON null");
            }
            return Optional.of(total);
        } catch (SerializationException e) {
            throw new PoisonRecordException("undecodable " + what + ": " + e.getMessage(), e);
        }
    }

    /**
     * Whether a total's values can be a total at all: a currency, an amount, a count that is not negative, and
     * extremes (when present) in order. The database checks the rest (currency length, precision).
     */
    static boolean plausible(String currency, BigDecimal total, long count, BigDecimal min, BigDecimal max) {
        return currency != null && total != null && count >= 0
                && (min == null || max == null || min.compareTo(max) <= 0);
    }

    /** The last item per key, in first-seen order: a batch upsert may not touch one row twice. */
    static <S> List<S> lastPerKey(List<S> batch, Function<S, List<Object>> key) {
        Map<List<Object>, S> last = new LinkedHashMap<>();
        for (S item : batch) {
            last.put(key.apply(item), item);
        }
        return new ArrayList<>(last.values());
    }

    /** Sets one item's parameters on the upsert statement. */
    @FunctionalInterface
    interface Binder<S> {
        void bind(PreparedStatement upsert, S item) throws SQLException;
    }

    /**
     * Writes the last item per key with one batched upsert, skipping users whose account is gone (a late total must
     * not bring their data back): the whole {@code write} of every report sink.
     */
    static <S> void upsertLatest(Connection connection, String upsertSql, List<S> batch,
                                 Function<S, List<Object>> key, Function<S, UUID> userId, Binder<S> binder)
            throws SQLException {
        List<S> latest = lastPerKey(batch, key);
        Set<UUID> living = LivingUsers.lock(connection, latest.stream().map(userId).toList());
        try (PreparedStatement upsert = connection.prepareStatement(upsertSql)) {
            for (S item : latest) {
                if (living.contains(userId.apply(item))) {
                    binder.bind(upsert, item);
                    upsert.addBatch();
                }
            }
            upsert.executeBatch();
        }
    }
}
