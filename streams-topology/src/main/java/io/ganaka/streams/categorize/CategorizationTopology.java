package io.ganaka.streams.categorize;

import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventSerde;
import io.ganaka.schemas.JsonSerde;
import io.ganaka.schemas.Naming;
import io.ganaka.schemas.Topic;
import io.ganaka.streams.ProcessedEvents;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.EmitStrategy;
import org.apache.kafka.streams.state.BuiltInDslStoreSuppliers;
import org.apache.kafka.streams.state.DslKeyValueParams;
import org.apache.kafka.streams.state.DslStoreSuppliers;
import org.apache.kafka.streams.state.DslWindowParams;
import org.apache.kafka.streams.state.Stores;

/**
 * Turns {@code ganaka.expenses} into {@code ganaka.expenses.categorized}: every expense event once (ids seen in the
 * last 24 h dropped), in order, each add or update without a category followed by the {@code expense.categorized} its
 * user's rules or learned corrections give it. The rules come from {@code ganaka.categories} and the default catalog
 * (on {@code user.registered} from {@code ganaka.users}); all three topics are keyed by user id, so one task sees
 * all of a user's events.
 */
public final class CategorizationTopology {

    /** Event ids seen in the last 24 h; changelog {@code <application.id>-seen-event-ids-changelog}. */
    public static final String SEEN_IDS_STORE = "seen-event-ids";
    /** Each user's {@link RuleBook}. */
    public static final String RULES_STORE = "categorization-rules";
    /** Each user's {@link TokenModel}. */
    public static final String TOKENS_STORE = "learned-tokens";

    /** The client's name in {@link ProcessedEvents}. */
    private static final String APPLICATION = "categorize";

    private CategorizationTopology() {}

    /** The production topology, with persistent (RocksDB) stores. */
    public static Topology build(Naming naming) {
        return build(naming, new BuiltInDslStoreSuppliers.RocksDBDslStoreSuppliers());
    }

    /** The topology with the given kind of stores; tests pass in-memory ones. Every store has a changelog. */
    public static Topology build(Naming naming, DslStoreSuppliers stores) {
        return build(naming, stores, new ProcessedEvents());
    }

    /** The topology, counting the events it takes in under {@code processed}. */
    public static Topology build(Naming naming, DslStoreSuppliers stores, ProcessedEvents processed) {
        Serde<Event> events = processed.counting(APPLICATION, new EventSerde());
        Topology topology = new Topology();
        topology.addSource("expense-events", Serdes.String().deserializer(), events.deserializer(),
                naming.topic(Topic.EXPENSES));
        topology.addSource("category-events", Serdes.String().deserializer(), events.deserializer(),
                naming.topic(Topic.CATEGORIES));
        topology.addSource("user-events", Serdes.String().deserializer(), events.deserializer(),
                naming.topic(Topic.USERS));
        topology.addProcessor("dedupe-events", () -> new EventDeduplicator(SEEN_IDS_STORE), "expense-events");
        topology.addProcessor("categorize-expenses", CategorizationProcessor::new,
                "dedupe-events", "category-events", "user-events");
        topology.addStateStore(Stores.windowStoreBuilder(
                stores.windowStore(new DslWindowParams(SEEN_IDS_STORE, EventDeduplicator.WINDOW, EventDeduplicator.WINDOW,
                        false, EmitStrategy.onWindowUpdate(), false, false)),
                Serdes.String(), Serdes.Long()), "dedupe-events");
        topology.addStateStore(Stores.keyValueStoreBuilder(
                stores.keyValueStore(new DslKeyValueParams(RULES_STORE, false)),
                Serdes.String(), new JsonSerde<>(RuleBook.class)), "categorize-expenses");
        topology.addStateStore(Stores.keyValueStoreBuilder(
                stores.keyValueStore(new DslKeyValueParams(TOKENS_STORE, false)),
                Serdes.String(), new JsonSerde<>(TokenModel.class)), "categorize-expenses");
        topology.addSink("categorized-expense-events", naming.topic(Topic.EXPENSES_CATEGORIZED),
                Serdes.String().serializer(), events.serializer(), "categorize-expenses");
        return topology;
    }

    /** The topics this topology reads and writes; they must exist before it starts. */
    public static List<String> topics(Naming naming) {
        return List.of(naming.topic(Topic.EXPENSES), naming.topic(Topic.CATEGORIES), naming.topic(Topic.USERS),
                naming.topic(Topic.EXPENSES_CATEGORIZED));
    }
}
