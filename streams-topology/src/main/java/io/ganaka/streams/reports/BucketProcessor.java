package io.ganaka.streams.reports;

import java.util.function.Function;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps one kind of report bucket exact as expenses enter, leave and move between buckets: the bucket's
 * {@link RunningTotal} in one store, its amounts in an {@link AmountIndex} in another. Each change touches one total
 * and one index entry per bucket it leaves or enters, and emits the new report of each such bucket, keyed by user id,
 * with total, count, minimum and maximum taken together.
 *
 * @param <B> the kind of bucket
 * @param <R> the report record it is emitted as
 */
final class BucketProcessor<B extends Bucket<R>, R> implements Processor<String, LiveExpenseChange, String, R> {

    private final Function<ExpenseState, B> bucketOf;
    private final String totalsStore;
    private final String indexStore;
    private ProcessorContext<String, R> context;
    private KeyValueStore<Bytes, RunningTotal> totals;
    private AmountIndex index;

    BucketProcessor(Function<ExpenseState, B> bucketOf, String totalsStore, String indexStore) {
        this.bucketOf = bucketOf;
        this.totalsStore = totalsStore;
        this.indexStore = indexStore;
    }

    @Override
    public void init(ProcessorContext<String, R> context) {
        this.context = context;
        this.totals = context.getStateStore(totalsStore);
        this.index = new AmountIndex(context.getStateStore(indexStore));
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
            emit(record, from, update(from, before, null));
        }
        if (to != null) {
            emit(record, to, update(to, sameBucket ? before : null, after));
        }
    }

    /** Takes {@code leaving} out of the bucket and puts {@code joining} in (either may be null); the new total. */
    private RunningTotal update(B bucket, ExpenseState leaving, ExpenseState joining) {
        byte[] key = bucket.toBytes();
        RunningTotal stored = totals.get(Bytes.wrap(key));
        RunningTotal total = stored == null ? RunningTotal.zero() : stored;
        if (leaving != null) {
            index.remove(key, leaving.amountMinor(), leaving.expenseId());
            total = total.minus(leaving.amountMinor(), index.amountsOf(key));
        }
        if (joining != null) {
            index.add(key, joining.amountMinor(), joining.expenseId());
            total = total.plus(joining.amountMinor());
        }
        if (total.count() == 0) {
            totals.delete(Bytes.wrap(key)); // an emptied bucket starts again from zero; its report says count 0
        } else {
            totals.put(Bytes.wrap(key), total);
        }
        return total;
    }

    private void emit(Record<String, LiveExpenseChange> cause, B bucket, RunningTotal total) {
        context.forward(cause.withKey(bucket.userId()).withValue(bucket.report(total)));
    }
}
