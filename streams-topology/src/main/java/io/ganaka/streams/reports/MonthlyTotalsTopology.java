package io.ganaka.streams.reports;

import io.ganaka.schemas.EventSerde;
import io.ganaka.schemas.JsonSerde;
import io.ganaka.schemas.MonthlyTotal;
import io.ganaka.schemas.Naming;
import io.ganaka.schemas.Topic;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.BuiltInDslStoreSuppliers;
import org.apache.kafka.streams.state.DslStoreSuppliers;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The monthly total per user and currency, exact to the minor unit. Expense events become the latest state of each
 * expense (highest version wins, deletes kept as tombstone states); live expenses are then summed per user, UTC month
 * and currency, and every change of a total is emitted as a {@link MonthlyTotal} keyed by user id.
 */
public final class MonthlyTotalsTopology {

    /** State store of the latest state per expense; its changelog is {@code <application.id>-expense-state-changelog}. */
    public static final String EXPENSE_STATE_STORE = "expense-state";
    /** State store of the running total per user, month and currency. */
    public static final String MONTHLY_TOTALS_STORE = "monthly-totals";

    private MonthlyTotalsTopology() {}

    /** The production topology, with persistent (RocksDB) stores. */
    public static Topology build(Naming naming) {
        return build(naming, new BuiltInDslStoreSuppliers.RocksDBDslStoreSuppliers());
    }

    /** The topology with the given kind of stores; tests pass in-memory ones, which are far faster in the test driver. */
    public static Topology build(Naming naming, DslStoreSuppliers stores) {
        Serde<ExpenseKey> expenseKeySerde = new JsonSerde<>(ExpenseKey.class);
        Serde<ExpenseState> stateSerde = new JsonSerde<>(ExpenseState.class);
        Serde<MonthKey> monthKeySerde = new JsonSerde<>(MonthKey.class);
        StreamsBuilder builder = new StreamsBuilder();

        KTable<ExpenseKey, ExpenseState> latest = builder
                .stream(naming.topic(Topic.EXPENSES), Consumed.with(Serdes.String(), new EventSerde()).withName("expense-events"))
                .flatMapValues(new ExpenseStateMapper(), Named.as("to-expense-state"))
                .selectKey((userId, state) -> state.key(), Named.as("key-by-expense"))
                .groupByKey(Grouped.with("expenses-by-id", expenseKeySerde, stateSerde))
                .reduce(new LatestVersionReducer(), Named.as("latest-version"),
                        Materialized.<ExpenseKey, ExpenseState, KeyValueStore<Bytes, byte[]>>as(EXPENSE_STATE_STORE)
                                .withKeySerde(expenseKeySerde)
                                .withValueSerde(stateSerde)
                                .withStoreType(stores));

        // Filtering a KTable turns "now deleted" into a retraction, which the subtractor takes out of the old month.
        latest.filter((key, state) -> !state.deleted(), Named.as("live-expenses"))
                .groupBy((key, state) -> KeyValue.pair(MonthKey.of(state), state),
                        Grouped.with("expenses-by-month", monthKeySerde, stateSerde))
                .aggregate(RunningTotal::zero, new MonthlyTotalAdder(), new MonthlyTotalSubtractor(),
                        Named.as("sum-by-month"),
                        Materialized.<MonthKey, RunningTotal, KeyValueStore<Bytes, byte[]>>as(MONTHLY_TOTALS_STORE)
                                .withKeySerde(monthKeySerde)
                                .withValueSerde(new JsonSerde<>(RunningTotal.class))
                                .withStoreType(stores))
                .toStream(Named.as("monthly-total-changes"))
                .map((month, total) -> KeyValue.pair(month.userId(), month.toMonthlyTotal(total)), Named.as("to-monthly-total"))
                .to(naming.topic(Topic.REPORTS_MONTHLY),
                        Produced.with(Serdes.String(), new JsonSerde<>(MonthlyTotal.class)).withName("reports-monthly"));
        return builder.build();
    }

    /** The topics this topology reads and writes; they must exist before the streams role starts. */
    public static List<String> topics(Naming naming) {
        return List.of(naming.topic(Topic.EXPENSES), naming.topic(Topic.REPORTS_MONTHLY));
    }
}
