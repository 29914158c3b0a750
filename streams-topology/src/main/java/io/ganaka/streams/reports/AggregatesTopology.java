package io.ganaka.streams.reports;

import io.ganaka.schemas.CategoryTotal;
import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventSerde;
import io.ganaka.schemas.JsonSerde;
import io.ganaka.schemas.MonthlyTotal;
import io.ganaka.schemas.Naming;
import io.ganaka.schemas.SummaryTotal;
import io.ganaka.schemas.Topic;
import io.ganaka.streams.ProcessedEvents;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Joined;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.BuiltInDslStoreSuppliers;
import org.apache.kafka.streams.state.DslKeyValueParams;
import org.apache.kafka.streams.state.DslStoreSuppliers;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Exact reports from the categorized expense stream. Each event is joined with its user's time zone (from
 * {@code ganaka.users}; both topics are keyed by user id and co-partitioned) and folded into the expense table, the
 * current state of every expense per (user, expense). Live expenses are then totalled, to the minor unit, with their
 * smallest and largest amount, per user, month and currency ({@link MonthlyTotal}), per user, month, category and
 * currency ({@link CategoryTotal}) and per user and currency for all time ({@link SummaryTotal}); every change of a
 * report is emitted, keyed by user id. Every bucket belongs to one user, so nothing is repartitioned: one task holds
 * all of a user's expenses and reports.
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
    /** Prefixes of each kind of report's stores: {@code monthly-totals}, {@code monthly-amounts}, {@code monthly-unsent}, … */
    public static final String MONTHLY_STORES = "monthly";
    public static final String CATEGORY_STORES = "category";
    public static final String SUMMARY_STORES = "summary";

    /** The client's name in {@link ProcessedEvents}. */
    private static final String APPLICATION = "reports";

    private AggregatesTopology() {}

    /** The production topology, with persistent (RocksDB) stores. */
    public static Topology build(Naming naming) {
        return build(naming, new BuiltInDslStoreSuppliers.RocksDBDslStoreSuppliers());
    }

    /** The topology with the given kind of stores; tests pass in-memory ones, which are far faster in the test driver. */
    public static Topology build(Naming naming, DslStoreSuppliers stores) {
        return build(naming, stores, new ProcessedEvents());
    }

    /** The topology, counting the events it takes in under {@code processed}. */
    public static Topology build(Naming naming, DslStoreSuppliers stores, ProcessedEvents processed) {
        StreamsBuilder builder = new StreamsBuilder();
        Serde<Event> events = processed.counting(APPLICATION, new EventSerde());
        KTable<String, String> zones = userTimezones(builder, naming, stores, events);
        KStream<String, LiveExpenseChange> changes = liveExpenseChanges(builder, naming, zones, stores, events);

        report(builder, changes, stores, "month", MonthKey::of, MonthlyTotal.class, MONTHLY_STORES)
                .to(naming.topic(Topic.REPORTS_MONTHLY),
                        Produced.with(Serdes.String(), new JsonSerde<>(MonthlyTotal.class)).withName("reports-monthly"));
        report(builder, changes, stores, "category", CategoryKey::of, CategoryTotal.class, CATEGORY_STORES)
                .to(naming.topic(Topic.REPORTS_CATEGORIES),
                        Produced.with(Serdes.String(), new JsonSerde<>(CategoryTotal.class)).withName("reports-categories"));
        report(builder, changes, stores, "all-time", SummaryKey::of, SummaryTotal.class, SUMMARY_STORES)
                .to(naming.topic(Topic.REPORTS_SUMMARY),
                        Produced.with(Serdes.String(), new JsonSerde<>(SummaryTotal.class)).withName("reports-summary"));
        return builder.build();
    }

    /** The topics this topology reads and writes; they must exist (inputs co-partitioned) before the role starts. */
    public static List<String> topics(Naming naming) {
        return List.of(naming.topic(Topic.EXPENSES_CATEGORIZED), naming.topic(Topic.USERS),
                naming.topic(Topic.REPORTS_MONTHLY), naming.topic(Topic.REPORTS_CATEGORIES), naming.topic(Topic.REPORTS_SUMMARY));
    }

    private static KTable<String, String> userTimezones(StreamsBuilder builder, Naming naming, DslStoreSuppliers stores,
                                                        Serde<Event> events) {
        return builder.stream(naming.topic(Topic.USERS), Consumed.with(Serdes.String(), events).withName("user-events"))
                .flatMapValues(new UserTimezoneMapper(), Named.as("to-timezone"))
                .toTable(Named.as("timezone-per-user"), Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as(USER_TIMEZONES_STORE)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(Serdes.String())
                        .withStoreType(stores));
    }

    private static KStream<String, LiveExpenseChange> liveExpenseChanges(
            StreamsBuilder builder, Naming naming, KTable<String, String> zones, DslStoreSuppliers stores,
            Serde<Event> events) {
        builder.addStateStore(
                store(stores, EXPENSE_STATE_STORE, new JsonSerde<>(ExpenseKey.class), new JsonSerde<>(ExpenseState.class)));
        return builder
                .stream(naming.topic(Topic.EXPENSES_CATEGORIZED),
                        Consumed.with(Serdes.String(), events).withName("categorized-expense-events"))
                // Both sides are keyed (and partitioned) by user id, and stay so from here to the report topics.
                .leftJoin(zones, new TimezoneJoiner(), Joined.<String, Event, String>with(Serdes.String(), new EventSerde(), Serdes.String())
                        .withName("with-timezone"))
                .flatMapValues(new ExpenseFactMapper(), Named.as("to-expense-fact"))
                .processValues(ExpenseTableProcessor::new, Named.as("current-state"), EXPENSE_STATE_STORE);
    }

    /** One kind of report: its totals, amount index and unsent reports, fed by every change of a live expense. */
    private static <B extends Bucket<R>, R> KStream<String, R> report(StreamsBuilder builder,
            KStream<String, LiveExpenseChange> changes, DslStoreSuppliers stores, String name,
            Function<ExpenseState, B> bucketOf, Class<R> reportType, String storePrefix) {
        ReportStores names = ReportStores.named(storePrefix);
        builder.addStateStore(store(stores, names.totals(), Serdes.Bytes(), new JsonSerde<>(RunningTotal.class)));
        // Not cached: entries are one per expense, so a cache would rarely merge two writes, and ranges would merge it in.
        builder.addStateStore(Stores.keyValueStoreBuilder(
                stores.keyValueStore(new DslKeyValueParams(names.amounts(), false)), Serdes.Bytes(), Serdes.ByteArray()));
        builder.addStateStore(Stores.timestampedKeyValueStoreBuilder(
                        stores.keyValueStore(new DslKeyValueParams(names.unsent(), true)),
                        Serdes.Bytes(), new JsonSerde<>(reportType))
                .withCachingEnabled());
        return changes.process(() -> new BucketProcessor<B, R>(bucketOf, names),
                Named.as("report-by-" + name), names.totals(), names.amounts(), names.unsent());
    }

    /** A changelogged store, cached so that repeated writes of one key within a commit reach disk and changelog once. */
    private static <K, V> StoreBuilder<KeyValueStore<K, V>> store(
            DslStoreSuppliers stores, String name, Serde<K> keys, Serde<V> values) {
        return Stores.keyValueStoreBuilder(stores.keyValueStore(new DslKeyValueParams(name, false)), keys, values)
                .withCachingEnabled();
    }
}
