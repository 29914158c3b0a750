package io.ganaka.streams.reports;

import io.ganaka.schemas.CategoryTotal;
import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventSerde;
import io.ganaka.schemas.JsonSerde;
import io.ganaka.schemas.MonthlyTotal;
import io.ganaka.schemas.Naming;
import io.ganaka.schemas.SummaryTotal;
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
import org.apache.kafka.streams.kstream.Joined;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.BuiltInDslStoreSuppliers;
import org.apache.kafka.streams.state.DslStoreSuppliers;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Exact reports from the categorized expense stream. Each event is joined with its user's time zone (from
 * {@code ganaka.users}; both topics are keyed by user id and co-partitioned) and folded into the expense table, the
 * current state of every expense per (user, expense). Live expenses are then summed, to the minor unit, per user,
 * month and currency ({@link MonthlyTotal}), per user, month, category and currency ({@link CategoryTotal}) and per
 * user and currency for all time ({@link SummaryTotal}); every change of a total is emitted, keyed by user id.
 *
 * <p>The month of an expense is fixed when its version is processed, in the time zone known for its user at that
 * moment: a later change of time zone moves only expenses that change afterwards, so the reports never shift under a
 * user's feet and replays reproduce them.
 */
public final class AggregatesTopology {

    /** The expense table: the current state per expense; its changelog is {@code <application.id>-expense-state-changelog}. */
    public static final String EXPENSE_STATE_STORE = "expense-state";
    /** The time zone id per user. */
    public static final String USER_TIMEZONES_STORE = "user-timezones";
    public static final String MONTHLY_TOTALS_STORE = "monthly-totals";
    public static final String CATEGORY_TOTALS_STORE = "category-totals";
    public static final String SUMMARY_TOTALS_STORE = "summary-totals";

    private AggregatesTopology() {}

    /** The production topology, with persistent (RocksDB) stores. */
    public static Topology build(Naming naming) {
        return build(naming, new BuiltInDslStoreSuppliers.RocksDBDslStoreSuppliers());
    }

    /** The topology with the given kind of stores; tests pass in-memory ones, which are far faster in the test driver. */
    public static Topology build(Naming naming, DslStoreSuppliers stores) {
        StreamsBuilder builder = new StreamsBuilder();
        KTable<String, String> zones = userTimezones(builder, naming, stores);
        KTable<ExpenseKey, ExpenseState> live = expenseTable(builder, naming, zones, stores)
                // Filtering a KTable turns "now deleted" into a retraction, which the subtractors take out.
                .filter((key, state) -> !state.deleted(), Named.as("live-expenses"));
        Serde<ExpenseState> stateSerde = new JsonSerde<>(ExpenseState.class);
        Serde<RunningTotal> totalSerde = new JsonSerde<>(RunningTotal.class);

        live.groupBy((key, state) -> KeyValue.pair(MonthKey.of(state), state),
                        Grouped.with("expenses-by-month", new JsonSerde<>(MonthKey.class), stateSerde))
                .aggregate(RunningTotal::zero, new RunningTotalAdder<>(), new RunningTotalSubtractor<>(), Named.as("sum-by-month"),
                        store(MONTHLY_TOTALS_STORE, new JsonSerde<>(MonthKey.class), totalSerde, stores))
                .toStream(Named.as("monthly-total-changes"))
                .map((month, stats) -> KeyValue.pair(month.userId(), month.toMonthlyTotal(stats)), Named.as("to-monthly-total"))
                .to(naming.topic(Topic.REPORTS_MONTHLY),
                        Produced.with(Serdes.String(), new JsonSerde<>(MonthlyTotal.class)).withName("reports-monthly"));

        live.groupBy((key, state) -> KeyValue.pair(CategoryKey.of(state), state),
                        Grouped.with("expenses-by-category", new JsonSerde<>(CategoryKey.class), stateSerde))
                .aggregate(RunningTotal::zero, new RunningTotalAdder<>(), new RunningTotalSubtractor<>(), Named.as("sum-by-category"),
                        store(CATEGORY_TOTALS_STORE, new JsonSerde<>(CategoryKey.class), totalSerde, stores))
                .toStream(Named.as("category-total-changes"))
                .map((category, total) -> KeyValue.pair(category.userId(), category.toCategoryTotal(total)),
                        Named.as("to-category-total"))
                .to(naming.topic(Topic.REPORTS_CATEGORIES),
                        Produced.with(Serdes.String(), new JsonSerde<>(CategoryTotal.class)).withName("reports-categories"));

        live.groupBy((key, state) -> KeyValue.pair(SummaryKey.of(state), state),
                        Grouped.with("expenses-by-currency", new JsonSerde<>(SummaryKey.class), stateSerde))
                .aggregate(RunningTotal::zero, new RunningTotalAdder<>(), new RunningTotalSubtractor<>(), Named.as("sum-all-time"),
                        store(SUMMARY_TOTALS_STORE, new JsonSerde<>(SummaryKey.class), totalSerde, stores))
                .toStream(Named.as("summary-total-changes"))
                .map((summary, stats) -> KeyValue.pair(summary.userId(), summary.toSummaryTotal(stats)), Named.as("to-summary-total"))
                .to(naming.topic(Topic.REPORTS_SUMMARY),
                        Produced.with(Serdes.String(), new JsonSerde<>(SummaryTotal.class)).withName("reports-summary"));
        return builder.build();
    }

    /** The topics this topology reads and writes; they must exist (inputs co-partitioned) before the role starts. */
    public static List<String> topics(Naming naming) {
        return List.of(naming.topic(Topic.EXPENSES_CATEGORIZED), naming.topic(Topic.USERS),
                naming.topic(Topic.REPORTS_MONTHLY), naming.topic(Topic.REPORTS_CATEGORIES), naming.topic(Topic.REPORTS_SUMMARY));
    }

    private static KTable<String, String> userTimezones(StreamsBuilder builder, Naming naming, DslStoreSuppliers stores) {
        return builder.stream(naming.topic(Topic.USERS), Consumed.with(Serdes.String(), new EventSerde()).withName("user-events"))
                .flatMapValues(new UserTimezoneMapper(), Named.as("to-timezone"))
                .toTable(Named.as("timezone-per-user"), store(USER_TIMEZONES_STORE, Serdes.String(), Serdes.String(), stores));
    }

    private static KTable<ExpenseKey, ExpenseState> expenseTable(
            StreamsBuilder builder, Naming naming, KTable<String, String> zones, DslStoreSuppliers stores) {
        Serde<ExpenseKey> expenseKeySerde = new JsonSerde<>(ExpenseKey.class);
        return builder
                .stream(naming.topic(Topic.EXPENSES_CATEGORIZED),
                        Consumed.with(Serdes.String(), new EventSerde()).withName("categorized-expense-events"))
                // Joined before re-keying, while both sides are still keyed (and partitioned) by user id.
                .leftJoin(zones, new TimezoneJoiner(), Joined.<String, Event, String>with(Serdes.String(), new EventSerde(), Serdes.String())
                        .withName("with-timezone"))
                .flatMapValues(new ExpenseFactMapper(), Named.as("to-expense-fact"))
                .selectKey((userId, fact) -> fact.key(), Named.as("key-by-expense"))
                .groupByKey(Grouped.with("facts-by-expense", expenseKeySerde, new JsonSerde<>(ExpenseFact.class)))
                .aggregate(ExpenseState::unknown, new ExpenseTableAggregator(), Named.as("current-state"),
                        store(EXPENSE_STATE_STORE, expenseKeySerde, new JsonSerde<>(ExpenseState.class), stores));
    }

    private static <K, V> Materialized<K, V, KeyValueStore<Bytes, byte[]>> store(
            String name, Serde<K> keySerde, Serde<V> valueSerde, DslStoreSuppliers stores) {
        return Materialized.<K, V, KeyValueStore<Bytes, byte[]>>as(name)
                .withKeySerde(keySerde)
                .withValueSerde(valueSerde)
                .withStoreType(stores);
    }
}
