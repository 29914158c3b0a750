package io.ganaka.streams.reports;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Keeps one kind of report bucket exact as expenses enter, leave and move between buckets: the bucket's
 * {@link RunningTotal} in one store, its amounts in an {@link AmountIndex} in another. Each change touches one total
 * and one index entry per bucket it leaves or enters.
 *
 * <p>The new report of each bucket touched (total, count, minimum and maximum taken together) waits in the unsent
 * store, where a later change of the same bucket replaces it; once per commit interval the unsent reports are emitted,
 * keyed by user id, and removed. A busy bucket is thus reported once per commit rather than once per expense. The
 * unsent store is changelogged like the others, so under exactly-once a report is emitted in the same transaction that
 * removes it, and a crash in between leaves it unsent, never lost.
 *
 * @param <B> the kind of bucket
 * @param <R> the report record it is emitted as
 */
final class BucketProcessor<B extends Bucket<R>, R> implements Processor<String, LiveExpenseChange, String, R> {

    private final Function<ExpenseState, B> bucketOf;
    private final ReportStores names;
    private ProcessorContext<String, R> context;
    private KeyValueStore<Bytes, RunningTotal> totals;
    private AmountIndex index;
    private TimestampedKeyValueStore<Bytes, R> unsent;

    BucketProcessor(Function<ExpenseState, B> bucketOf, ReportStores names) {
        this.bucketOf = bucketOf;
        this.names = names;
    }

    @Override
    public void init(ProcessorContext<String, R> context) {
        this.context = context;
        this.totals = context.getStateStore(names.totals());
        this.index = new AmountIndex(context.getStateStore(names.amounts()));
        this.unsent = context.getStateStore(names.unsent());
        context.schedule(commitInterval(context), PunctuationType.WALL_CLOCK_TIME, now -> sendUnsent());
    }

    @Override
    public void process(Record<String, LiveExpenseChange> record) {
        ExpenseState before = record.value().before();
        ExpenseState after = record.value().after();
        B from = before == null ? null : bucketOf.apply(before);
        B to = after == null ? null : bucketOf.apply(after);
        boolean sameBucket = from != null && from.equals(to);
        if (sameBucket && before.amountMinor() == after.amountMinor()) {
            return; // e.g. a new category seen from a month: this bucket and its amounts stay as they were
        }
        if (from != null && !sameBucket) {
            update(from, before, null, record.timestamp());
        }
        if (to != null) {
            update(to, sameBucket ? before : null, after, record.timestamp());
        }
    }

    /** Takes {@code leaving} out of the bucket and puts {@code joining} in (either may be null); the report waits. */
    private void update(B bucket, ExpenseState leaving, ExpenseState joining, long timestamp) {
        Bytes key = Bytes.wrap(bucket.toBytes());
        RunningTotal stored = totals.get(key);
        RunningTotal total = stored == null ? RunningTotal.zero() : stored;
        if (leaving != null) {
            index.remove(key.get(), leaving.amountMinor(), leaving.expenseId());
            total = total.minus(leaving.amountMinor(), index.amountsOf(key.get()));
        }
        if (joining != null) {
            index.add(key.get(), joining.amountMinor(), joining.expenseId());
            total = total.plus(joining.amountMinor());
        }
        if (total.count() == 0) {
            totals.delete(key); // an emptied bucket starts again from zero; its report says count 0
        } else {
            totals.put(key, total);
        }
        unsent.put(key, ValueAndTimestamp.make(bucket.report(total), timestamp));
    }

    /** Emits every waiting report, with the time of the change that made it, and forgets it. */
    private void sendUnsent() {
        List<KeyValue<Bytes, ValueAndTimestamp<R>>> waiting = new ArrayList<>();
        try (KeyValueIterator<Bytes, ValueAndTimestamp<R>> all = unsent.all()) {
            all.forEachRemaining(waiting::add);
        }
        for (KeyValue<Bytes, ValueAndTimestamp<R>> report : waiting) {
            String userId = BucketBytes.userIdOf(report.key.get());
            context.forward(new Record<>(userId, report.value.value(), report.value.timestamp()));
            unsent.delete(report.key);
        }
    }

    private static Duration commitInterval(ProcessorContext<?, ?> context) {
        Object configured = context.appConfigs().get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG);
        // Under exactly-once Kafka Streams defaults the commit interval to 100 ms.
        return Duration.ofMillis(configured == null ? 100 : Long.parseLong(configured.toString()));
    }
}
