package io.ganaka.streams;

import io.ganaka.schemas.Naming;
import io.ganaka.streams.alerts.AlertsTopology;
import io.ganaka.streams.categorize.CategorizationTopology;
import io.ganaka.streams.reports.AggregatesTopology;
import java.util.List;
import org.apache.kafka.streams.Topology;

/**
 * One Kafka Streams client of the streams role: its topology, the suffix of its application id (empty for the
 * reports, which keep the role's original id and state) and the topics that must exist before it starts.
 */
public record StreamsApp(String suffix, Topology topology, List<String> topics) {

    public StreamsApp {
        topics = List.copyOf(topics);
    }

    /**
     * Every client of the role, upstream first: categorization feeds the topic the reports read; the alerts read
     * both.
     */
    public static List<StreamsApp> all(Naming naming) {
        return List.of(
                new StreamsApp("categorize", CategorizationTopology.build(naming), CategorizationTopology.topics(naming)),
                new StreamsApp("", AggregatesTopology.build(naming), AggregatesTopology.topics(naming)),
                new StreamsApp("alerts", AlertsTopology.build(naming), AlertsTopology.topics(naming)));
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
