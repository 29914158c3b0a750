package io.ganaka.sinks;

import io.ganaka.schemas.CategoryTotal;
import io.ganaka.schemas.JsonSerde;
import io.ganaka.schemas.Naming;
import io.ganaka.schemas.Topic;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Projects the aggregation topology's per-category monthly totals into {@code category_summaries}. Each record is the
 * absolute current total, so the last one per user, month, category and currency wins and replaying changes nothing.
 * Totals of users whose account is gone are skipped. The records' smallest and largest expense are checked but not
 * kept: {@code category_summaries} has no columns for them, and the category report does not show them.
 */
final class CategorySummarySink implements Sink<CategorySummarySink.Summary> {

    /** A category total with its ids checked; {@code categoryId} null is Uncategorized. */
    record Summary(UUID userId, UUID categoryId, CategoryTotal total, ReportRecords.Position position) {
        List<Object> key() {
            // Arrays.asList: List.of refuses the null of Uncategorized.
            return Arrays.asList(userId, total.year(), total.month(), categoryId, total.currency());
        }
    }

    /**
     * The conflict target repeats the unique index's COALESCE, so that Uncategorized (NULL) is one row like any
     * category. A total from an earlier position or with unchanged values leaves the row alone, so a replay does not even
     * move {@code updated_at}.
     */
    static final String UPSERT = """
            INSERT INTO category_summaries AS s
                (user_id, year, month, category_id, currency, total, count, min_amount, max_amount, source_partition,
                 source_offset, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
            ON CONFLICT (user_id, year, month, COALESCE(category_id, '00000000-0000-0000-0000-000000000000'), currency)
            DO UPDATE SET total = EXCLUDED.total, count = EXCLUDED.count, min_amount = EXCLUDED.min_amount,
                max_amount = EXCLUDED.max_amount, source_partition = EXCLUDED.source_partition,
                source_offset = EXCLUDED.source_offset, updated_at = now()
            WHERE\s""" + ReportRecords.NEWER_AND_DIFFERENT + """
            """;

    private final String topic;
    private final Deserializer<CategoryTotal> deserializer = new JsonSerde<>(CategoryTotal.class).deserializer();

    CategorySummarySink(Naming naming) {
        this.topic = naming.topic(Topic.REPORTS_CATEGORIES);
    }

    @Override
    public String name() {
        return "category-summaries";
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public Optional<Summary> decode(ConsumerRecord<byte[], byte[]> record) throws PoisonRecordException {
        Optional<CategoryTotal> decoded = ReportRecords.decode(record, deserializer, "category total");
        if (decoded.isEmpty()) {
            return Optional.empty();
        }
        CategoryTotal total = decoded.get();
        UUID userId = EventRecords.uuid(total.userId(), "userId");
        UUID categoryId = total.categoryId() == null ? null : EventRecords.uuid(total.categoryId(), "categoryId");
        if (total.month() < 1 || total.month() > 12
                || !ReportRecords.plausible(total.currency(), total.total(), total.count(), total.min(), total.max())) {
            throw new PoisonRecordException("invalid category total: " + total);
        }
        return Optional.of(new Summary(userId, categoryId, total, ReportRecords.Position.of(record)));
    }

    @Override
    public void write(Connection connection, List<Summary> batch) throws SQLException {
        ReportRecords.upsertLatest(connection, UPSERT, batch, Summary::key, Summary::userId, (upsert, summary) -> {
            CategoryTotal t = summary.total();
            upsert.setObject(1, summary.userId());
            upsert.setInt(2, t.year());
            upsert.setInt(3, t.month());
            upsert.setObject(4, summary.categoryId(), Types.OTHER); // a typed NULL for Uncategorized
            upsert.setString(5, t.currency());
            upsert.setBigDecimal(6, t.total());
            upsert.setLong(7, t.count());
            upsert.setBigDecimal(8, t.min());
            upsert.setBigDecimal(9, t.max());
            upsert.setInt(10, summary.position().partition());
            upsert.setLong(11, summary.position().offset());
        });
    }
}
