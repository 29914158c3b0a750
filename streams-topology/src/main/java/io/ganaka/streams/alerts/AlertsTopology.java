package io.ganaka.streams.alerts;

import io.ganaka.schemas.CategoryTotal;
import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventSerde;
import io.ganaka.schemas.JsonSerde;
import io.ganaka.schemas.MonthlyTotal;
import io.ganaka.schemas.Naming;
import io.ganaka.schemas.Topic;
import io.ganaka.streams.ProcessedEvents;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.BuiltInDslStoreSuppliers;
import org.apache.kafka.streams.state.DslKeyValueParams;
import org.apache.kafka.streams.state.DslStoreSuppliers;
import org.apache.kafka.streams.state.Stores;

/**
 * Writes {@code alert.raised} events, keyed by user id, to {@code ganaka.alerts}: high-value and unusual-spending
 * alerts from {@code ganaka.expenses.categorized}, budget-threshold alerts from the absolute totals on
 * {@code ganaka.reports.categories} and {@code ganaka.reports.monthly}, with thresholds and budgets from
 * {@code ganaka.users} and {@code ganaka.categories}. All inputs are keyed by user id with equal partition counts,
 * so one task holds all of a user's state.
 */
public final class AlertsTopology {

    /** The source of {@code ganaka.users}, decoding {@code Event}s. */
    public static final String USER_EVENTS_SOURCE = "alert-user-events";
    /** The client's name in {@link ProcessedEvents}. */
    private static final String APPLICATION = "alerts";
    /** The source of {@code ganaka.reports.categories}, decoding {@code CategoryTotal}s. */
    public static final String CATEGORY_TOTALS_SOURCE = "alert-category-totals";
    /** The source of {@code ganaka.reports.monthly}, decoding {@code MonthlyTotal}s. */
    public static final String MONTHLY_TOTALS_SOURCE = "alert-monthly-totals";

    private AlertsTopology() {}

    /** The production topology, with persistent (RocksDB) stores and the configured settings. */
    public static Topology build(Naming naming, AlertSettings settings) {
        return build(naming, new BuiltInDslStoreSuppliers.RocksDBDslStoreSuppliers(), settings);
    }

    /**
     * The source nodes of topics another topology added to this one may share: a topic can have only one source in a
     * topology, so a topology run in the same client attaches its processors to these.
     */
    public static Map<Topic, String> sources() {
        return Map.of(Topic.USERS, USER_EVENTS_SOURCE, Topic.REPORTS_CATEGORIES, CATEGORY_TOTALS_SOURCE,
                Topic.REPORTS_MONTHLY, MONTHLY_TOTALS_SOURCE);
    }

    /** The topology with the given kind of stores (tests pass in-memory ones); every store has a changelog. */
    public static Topology build(Naming naming, DslStoreSuppliers stores, AlertSettings settings) {
        return build(naming, stores, settings, new ProcessedEvents());
    }

    /** The topology, counting the events it takes in under {@code processed}. */
    public static Topology build(Naming naming, DslStoreSuppliers stores, AlertSettings settings,
                                 ProcessedEvents processed) {
        Serde<Event> events = processed.counting(APPLICATION, new EventSerde());
        Topology topology = new Topology();
        topology.addSource("alert-expense-events", Serdes.String().deserializer(), events.deserializer(),
                naming.topic(Topic.EXPENSES_CATEGORIZED));
        topology.addSource(USER_EVENTS_SOURCE, Serdes.String().deserializer(), events.deserializer(),
                naming.topic(Topic.USERS));
        topology.addSource("alert-category-events", Serdes.String().deserializer(), events.deserializer(),
                naming.topic(Topic.CATEGORIES));
        topology.addSource(CATEGORY_TOTALS_SOURCE, Serdes.String().deserializer(),
                new JsonSerde<>(CategoryTotal.class).deserializer(), naming.topic(Topic.REPORTS_CATEGORIES));
        topology.addSource(MONTHLY_TOTALS_SOURCE, Serdes.String().deserializer(),
                new JsonSerde<>(MonthlyTotal.class).deserializer(), naming.topic(Topic.REPORTS_MONTHLY));

        topology.addProcessor("track-alert-profiles", AlertProfileProcessor::new,
                USER_EVENTS_SOURCE, "alert-category-events");
        topology.addProcessor("detect-expense-alerts", () -> new ExpenseAlertProcessor(settings),
                "alert-expense-events");
        topology.addProcessor("detect-category-budget-alerts",
                () -> new BudgetAlertProcessor<CategoryTotal>(BudgetSpend::of, settings), CATEGORY_TOTALS_SOURCE);
        topology.addProcessor("detect-monthly-budget-alerts",
                () -> new BudgetAlertProcessor<MonthlyTotal>(BudgetSpend::of, settings), MONTHLY_TOTALS_SOURCE);

        String[] all = {"track-alert-profiles", "detect-expense-alerts", "detect-category-budget-alerts",
                "detect-monthly-budget-alerts"};
        addStore(topology, stores, AlertStores.PROFILES, new JsonSerde<>(AlertProfile.class),
                "track-alert-profiles", "detect-expense-alerts");
        addStore(topology, stores, AlertStores.BUDGETS, new JsonSerde<>(BudgetBook.class),
                "track-alert-profiles", "detect-category-budget-alerts", "detect-monthly-budget-alerts");
        addStore(topology, stores, AlertStores.BUDGET_LEVELS, Serdes.Integer(),
                "track-alert-profiles", "detect-category-budget-alerts", "detect-monthly-budget-alerts");
        addStore(topology, stores, AlertStores.HISTORIES, new JsonSerde<>(SpendingHistory.class),
                "track-alert-profiles", "detect-expense-alerts");
        addStore(topology, stores, AlertStores.AMOUNTS, Serdes.String(), "track-alert-profiles", "detect-expense-alerts");
        // A plain serde for the store: reading state back is not taking events in.
        addStore(topology, stores, AlertStores.PENDING_ADDS, new EventSerde(), "track-alert-profiles",
                "detect-expense-alerts");

        topology.addSink("alert-events", naming.topic(Topic.ALERTS), Serdes.String().serializer(),
                events.serializer(), all);
        return topology;
    }

    /** The topics this topology reads and writes; they must exist before it starts. */
    public static List<String> topics(Naming naming) {
        return List.of(naming.topic(Topic.EXPENSES_CATEGORIZED), naming.topic(Topic.USERS),
                naming.topic(Topic.CATEGORIES), naming.topic(Topic.REPORTS_CATEGORIES),
                naming.topic(Topic.REPORTS_MONTHLY), naming.topic(Topic.ALERTS));
    }

    private static <V> void addStore(Topology topology, DslStoreSuppliers stores, String name, Serde<V> values,
                                     String... processors) {
        topology.addStateStore(Stores.keyValueStoreBuilder(
                stores.keyValueStore(new DslKeyValueParams(name, false)), Serdes.String(), values), processors);
    }
}
