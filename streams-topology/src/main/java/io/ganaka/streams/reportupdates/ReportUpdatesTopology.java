package io.ganaka.streams.reportupdates;

import io.ganaka.schemas.CategoryTotal;
import io.ganaka.schemas.EventPayload.ReportLine;
import io.ganaka.schemas.EventSerde;
import io.ganaka.schemas.JsonSerde;
import io.ganaka.schemas.MonthlyTotal;
import io.ganaka.schemas.Naming;
import io.ganaka.schemas.SummaryTotal;
import io.ganaka.schemas.Topic;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.DslKeyValueParams;
import org.apache.kafka.streams.state.DslStoreSuppliers;
import org.apache.kafka.streams.state.Stores;

/**
 * Writes {@code report.updated} events, keyed by user id, to {@code ganaka.reports.updates}: one for every record of
 * {@code ganaka.reports.monthly}, {@code .categories} and {@code .summary} (kinds {@code monthly}, {@code category},
 * {@code summary}), and one {@code month-closed} summary per user and month once the month has ended in the user's
 * time zone (from {@code ganaka.users}). All inputs are keyed by user id with equal partition counts, so one task
 * holds all of a user's months.
 *
 * <p>It can run alone ({@link #build}) or inside another topology that already reads some of its topics
 * ({@link #addTo}): the streams role adds it to the alerts client, which reads the reports and users already.
 */
public final class ReportUpdatesTopology {

    static final String CHANGES = "to-report-updates";
    static final String MONTH_CLOSE = "close-months";

    private ReportUpdatesTopology() {}

    /** The topology on its own, with sources of its own and the given kind of stores (tests pass in-memory ones). */
    public static Topology build(Naming naming, DslStoreSuppliers stores, MonthCloseSettings settings) {
        return addTo(new Topology(), naming, stores, settings, Map.of());
    }

    /**
     * Adds the report updates to {@code topology}. A topic may have only one source in a topology, so
     * {@code sharedSources} names the sources {@code topology} already has for topics read here; they must decode
     * {@code ganaka.users} to {@code Event}s and the report topics to their report records. Every store has a
     * changelog.
     */
    public static Topology addTo(Topology topology, Naming naming, DslStoreSuppliers stores, MonthCloseSettings settings,
                                 Map<Topic, String> sharedSources) {
        String users = source(topology, naming, sharedSources, Topic.USERS, new EventSerde().deserializer());
        String monthly = source(topology, naming, sharedSources, Topic.REPORTS_MONTHLY,
                new JsonSerde<>(MonthlyTotal.class).deserializer());
        String categories = source(topology, naming, sharedSources, Topic.REPORTS_CATEGORIES,
                new JsonSerde<>(CategoryTotal.class).deserializer());
        String summary = source(topology, naming, sharedSources, Topic.REPORTS_SUMMARY,
                new JsonSerde<>(SummaryTotal.class).deserializer());

        topology.addProcessor(CHANGES, ReportChangeProcessor::new, monthly, categories, summary);
        topology.addProcessor(MONTH_CLOSE, () -> new MonthCloseProcessor(settings), users, monthly, categories);
        addStore(topology, stores, MonthCloseStores.USERS, new JsonSerde<>(UserClock.class));
        addStore(topology, stores, MonthCloseStores.MONTHS, new JsonSerde<>(MonthStatus.class));
        addStore(topology, stores, MonthCloseStores.LINES, new JsonSerde<>(ReportLine.class));
        topology.addSink("report-update-events", naming.topic(Topic.REPORTS_UPDATES), Serdes.String().serializer(),
                new EventSerde().serializer(), CHANGES, MONTH_CLOSE);
        return topology;
    }

    /** The topics this topology reads and writes; they must exist before it starts. */
    public static List<String> topics(Naming naming) {
        return List.of(naming.topic(Topic.USERS), naming.topic(Topic.REPORTS_MONTHLY),
                naming.topic(Topic.REPORTS_CATEGORIES), naming.topic(Topic.REPORTS_SUMMARY),
                naming.topic(Topic.REPORTS_UPDATES));
    }

    private static String source(Topology topology, Naming naming, Map<Topic, String> shared, Topic topic,
                                 Deserializer<?> values) {
        String existing = shared.get(topic);
        if (existing != null) {
            return existing;
        }
        String name = "report-updates-" + topic.baseName().replace('.', '-');
        topology.addSource(name, Serdes.String().deserializer(), values, naming.topic(topic));
        return name;
    }

    private static <V> void addStore(Topology topology, DslStoreSuppliers stores, String name, Serde<V> values) {
        topology.addStateStore(Stores.keyValueStoreBuilder(
                stores.keyValueStore(new DslKeyValueParams(name, false)), Serdes.String(), values), MONTH_CLOSE);
    }
}
