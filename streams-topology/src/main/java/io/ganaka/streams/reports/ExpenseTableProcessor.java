package io.ganaka.streams.reports;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The expense table: folds each fact into the held state of its expense ({@link ExpenseTableAggregator}, so duplicates,
 * reordering and stale categorizations converge) and passes on how the expense's live state changed. A fact that
 * changes nothing passes on nothing. Records stay keyed by user id: the table needs no repartition, since all of a
 * user's events arrive on one partition.
 */
final class ExpenseTableProcessor implements FixedKeyProcessor<String, ExpenseFact, LiveExpenseChange> {

    private final ExpenseTableAggregator aggregator = new ExpenseTableAggregator();
    private FixedKeyProcessorContext<String, LiveExpenseChange> context;
    private KeyValueStore<ExpenseKey, ExpenseState> states;

    @Override
    public void init(FixedKeyProcessorContext<String, LiveExpenseChange> context) {
        this.context = context;
        this.states = context.getStateStore(AggregatesTopology.EXPENSE_STATE_STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, ExpenseFact> record) {
        ExpenseKey key = record.value().key();
        ExpenseState stored = states.get(key);
        ExpenseState held = stored == null ? ExpenseState.unknown() : stored;
        ExpenseState next = aggregator.apply(key, record.value(), held);
        if (next.equals(held)) {
            return; // a duplicate, an older version, or a categorization of another version
        }
        states.put(key, next);
        LiveExpenseChange change = LiveExpenseChange.between(held, next);
        if (change != null) {
            context.forward(record.withValue(change));
        }
    }
}
