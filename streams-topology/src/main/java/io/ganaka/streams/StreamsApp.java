package io.ganaka.streams;

import io.ganaka.schemas.Naming;
import io.ganaka.streams.alerts.AlertsTopology;
import io.ganaka.streams.categorize.CategorizationTopology;
import io.ganaka.streams.reports.AggregatesTopology;
import io.ganaka.streams.reportupdates.ReportUpdatesTopology;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.BuiltInDslStoreSuppliers.RocksDBDslStoreSuppliers;

/**
 * One Kafka Streams client of the streams role: its topology, the suffix of its application id (empty for the
 * reports, which keep the role's original id and state) and the topics that must exist before it starts.
 */
public record StreamsApp(String suffix, Topology topology, List<String> topics) {

    public StreamsApp {
        topics = List.copyOf(topics);
    }

    /** Every client of the role with the topologies' default settings. */
    public static List<StreamsApp> all(Naming naming) {
        return all(naming, TopologySettings.defaults());
    }

    /**
     * Every client of the role, upstream first: categorization feeds the topic the reports read; the alerts read
     * both. The report updates run inside the alerts client rather than as a client of their own: they read the same
     * report and user topics (fetched and decoded once for both), and an extra client would add its own start-up,
     * group join and rebalances to every start of the role.
     */
    public static List<StreamsApp> all(Naming naming, TopologySettings settings) {
        return all(naming, settings, new ProcessedEvents());
    }

    /** Every client of the role, counting the events each takes in under {@code processed}. */
    public static List<StreamsApp> all(Naming naming, TopologySettings settings, ProcessedEvents processed) {
        RocksDBDslStoreSuppliers rocks = new RocksDBDslStoreSuppliers();
        Topology alertsAndReportUpdates = ReportUpdatesTopology.addTo(
                AlertsTopology.build(naming, rocks, settings.alerts(), processed),
                naming, rocks, settings.monthClose(),
                AlertsTopology.sources());
        List<String> alertsTopics = Stream.concat(AlertsTopology.topics(naming).stream(),
                ReportUpdatesTopology.topics(naming).stream()).distinct().toList();
        return List.of(
                new StreamsApp("categorize", CategorizationTopology.build(naming, rocks, processed),
                        CategorizationTopology.topics(naming)),
                new StreamsApp("", AggregatesTopology.build(naming, rocks, processed),
                        AggregatesTopology.topics(naming)),
                new StreamsApp("alerts", alertsAndReportUpdates, alertsTopics));
    }

    /** This client's application id (consumer group, prefix of its internal topics) under {@code naming}. */
    public String applicationId(Naming naming) {
        return applicationId(naming, suffix);
    }

    static String applicationId(Naming naming, String suffix) {
        return naming.groupId(suffix.isEmpty() ? "streams" : "streams-" + suffix);
    }

    /** A name for logs and the topology description. */
    public String displayName() {
        return suffix.isEmpty() ? "reports" : suffix;
    }
}
