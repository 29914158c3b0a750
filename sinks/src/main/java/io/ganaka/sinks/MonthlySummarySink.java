package io.ganaka.sinks;

import io.ganaka.schemas.JsonSerde;
import io.ganaka.schemas.MonthlyTotal;
import io.ganaka.schemas.Naming;
import io.ganaka.schemas.Topic;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Projects the aggregation topology's monthly totals (with the month's smallest and largest expense) into
 * {@code monthly_summaries}. Each record is the absolute current total, so the last one per user, month and currency
 * wins and replaying changes nothing. Totals of users whose account is gone are skipped.
 */
final class MonthlySummarySink implements Sink<MonthlySummarySink.Summary> {

    /** A monthly total with its user id checked; the unit {@code write} works on. */
    record Summary(UUID userId, MonthlyTotal total, ReportRecords.Position position) {
        List<Object> key() {
            return List.of(userId, total.year(), total.month(), total.currency());
        }
    }

    /** A total from an earlier position or with unchanged values leaves the row alone, so a replay does not even
     * move {@code updated_at}. */
    static final String UPSERT = """
            INSERT INTO monthly_summaries AS s
                (user_id, year, month, currency, total, count, min_amount, max_amount, source_partition,
                 source_offset, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
            ON CONFLICT (user_id, year, month, currency) DO UPDATE SET
                total = EXCLUDED.total, count = EXCLUDED.count,
                min_amount = EXCLUDED.min_amount, max_amount = EXCLUDED.max_amount,
                source_partition = EXCLUDED.source_partition, source_offset = EXCLUDED.source_offset, updated_at = now()
            WHERE\s""" + ReportRecords.NEWER_AND_DIFFERENT + """
            """;

    private final String topic;
    private final Deserializer<MonthlyTotal> deserializer = new JsonSerde<>(MonthlyTotal.class).deserializer();

    MonthlySummarySink(Naming naming) {
        this.topic = naming.topic(Topic.REPORTS_MONTHLY);
    }

    @Override
    public String name() {
        return "monthly-summaries";
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public Optional<Summary> decode(ConsumerRecord<byte[], byte[]> record) throws PoisonRecordException {
        Optional<MonthlyTotal> decoded = ReportRecords.decode(record, deserializer, "monthly total");
        if (decoded.isEmpty()) {
            return Optional.empty();
        }
        MonthlyTotal total = decoded.get();
        UUID userId = EventRecords.uuid(total.userId(), "userId");
        if (total.month() < 1 || total.month() > 12
                || !ReportRecords.plausible(total.currency(), total.total(), total.count(), total.min(), total.max())) {
            throw new PoisonRecordException("invalid monthly total: " + total);
        }
        return Optional.of(new Summary(userId, total, ReportRecords.Position.of(record)));
    }

    @Override
    public void write(Connection connection, List<Summary> batch) throws SQLException {
        ReportRecords.upsertLatest(connection, UPSERT, batch, Summary::key, Summary::userId, (upsert, summary) -> {
            MonthlyTotal t = summary.total();
            upsert.setObject(1, summary.userId());
            upsert.setInt(2, t.year());
            upsert.setInt(3, t.month());
            upsert.setString(4, t.currency());
            upsert.setBigDecimal(5, t.total());
            upsert.setLong(6, t.count());
            upsert.setBigDecimal(7, t.min());
            upsert.setBigDecimal(8, t.max());
            upsert.setInt(9, summary.position().partition());
            upsert.setLong(10, summary.position().offset());
        });
    }

    /** The last total per month and currency, in first-seen order. */
    static List<Summary> collapse(List<Summary> batch) {
        return ReportRecords.lastPerKey(batch, Summary::key);
    }
}
