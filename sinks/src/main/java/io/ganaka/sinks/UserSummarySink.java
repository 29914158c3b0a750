package io.ganaka.sinks;

import io.ganaka.schemas.JsonSerde;
import io.ganaka.schemas.Naming;
import io.ganaka.schemas.SummaryTotal;
import io.ganaka.schemas.Topic;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Projects the aggregation topology's running all-time totals into {@code user_summaries}. Each record is the
 * absolute current total, so the last one per user and currency wins and replaying changes nothing. Totals of users
 * whose account is gone are skipped.
 */
final class UserSummarySink implements Sink<UserSummarySink.Summary> {

    /** An all-time total with its user id checked. */
    record Summary(UUID userId, SummaryTotal total, ReportRecords.Position position) {
        List<Object> key() {
            return List.of(userId, total.currency());
        }
    }

    /** A total from an earlier position or with unchanged values leaves the row alone, so a replay does not even
     * move {@code updated_at}. */
    static final String UPSERT = """
            INSERT INTO user_summaries AS s
                (user_id, currency, total, count, min_amount, max_amount, source_partition, source_offset, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, now())
            ON CONFLICT (user_id, currency) DO UPDATE SET
                total = EXCLUDED.total, count = EXCLUDED.count,
                min_amount = EXCLUDED.min_amount, max_amount = EXCLUDED.max_amount,
                source_partition = EXCLUDED.source_partition, source_offset = EXCLUDED.source_offset, updated_at = now()
            WHERE\s""" + ReportRecords.NEWER_AND_DIFFERENT + """
            """;

    private final String topic;
    private final Deserializer<SummaryTotal> deserializer = new JsonSerde<>(SummaryTotal.class).deserializer();

    UserSummarySink(Naming naming) {
        this.topic = naming.topic(Topic.REPORTS_SUMMARY);
    }

    @Override
    public String name() {
        return "user-summaries";
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public Optional<Summary> decode(ConsumerRecord<byte[], byte[]> record) throws PoisonRecordException {
        Optional<SummaryTotal> decoded = ReportRecords.decode(record, deserializer, "summary total");
        if (decoded.isEmpty()) {
            return Optional.empty();
        }
        SummaryTotal total = decoded.get();
        UUID userId = EventRecords.uuid(total.userId(), "userId");
        if (!ReportRecords.plausible(total.currency(), total.total(), total.count(), total.min(), total.max())) {
            throw new PoisonRecordException("invalid summary total: " + total);
        }
        return Optional.of(new Summary(userId, total, ReportRecords.Position.of(record)));
    }

    @Override
    public void write(Connection connection, List<Summary> batch) throws SQLException {
        ReportRecords.upsertLatest(connection, UPSERT, batch, Summary::key, Summary::userId, (upsert, summary) -> {
            SummaryTotal t = summary.total();
            upsert.setObject(1, summary.userId());
            upsert.setString(2, t.currency());
            upsert.setBigDecimal(3, t.total());
            upsert.setLong(4, t.count());
            upsert.setBigDecimal(5, t.min());
            upsert.setBigDecimal(6, t.max());
            upsert.setInt(7, summary.position().partition());
            upsert.setLong(8, summary.position().offset());
        });
    }
}
