package io.ganaka.api.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Locale;

/**
 * Counts the events the API published to JetStream by event type and outcome. The type is the event's wire name,
 * which the {@code Event} record checks against the closed {@code EventType} list, so the series stay bounded.
 */
public final class PublishMetrics {

    /** What became of one publish. */
    public enum Outcome {
        /** JetStream stored the event. */
        STORED,
        /** JetStream had the event id already and dropped the repeat. */
        DUPLICATE,
        /** Refused before sending: NATS disconnected or too many publishes in flight. */
        REFUSED,
        /** Sent, but no ack arrived in time or the server answered with an error. */
        FAILED;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Counter published;

    private PublishMetrics(Counter published) {
        this.published = published;
    }

    /** Counts into {@code registry}. */
    public static PublishMetrics registeredIn(PrometheusRegistry registry) {
        return new PublishMetrics(counter().register(registry));
    }

    /** Counts into no registry: for publishers whose counts nobody scrapes (tests, tools). */
    public static PublishMetrics unregistered() {
        return new PublishMetrics(counter().build());
    }

    private static Counter.Builder counter() {
        return Counter.builder()
                .name("ganaka_events_published_total")
                .help("Events the API published to JetStream, by event type and outcome")
                .labelNames("type", "outcome");
    }

    public void record(String type, Outcome outcome) {
        published.labelValues(type, outcome.label()).inc();
    }
}
