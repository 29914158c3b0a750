package io.ganaka.app.metrics;

import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * One Kafka client (or set of clients) whose metrics are exported: the Prometheus name space its metrics go under
 * ({@code kafka_streams}, {@code kafka_producer}, {@code kafka_consumer}), the {@code application} label that tells
 * which part of Ganaka it belongs to, and where its live metrics are read on each scrape.
 */
public record KafkaMetricSource(String namespace, String application,
                                Supplier<? extends Map<MetricName, ? extends Metric>> metrics) {

    public static final String STREAMS = "kafka_streams";
    public static final String PRODUCER = "kafka_producer";
    public static final String CONSUMER = "kafka_consumer";

    public KafkaMetricSource {
        if (!namespace.matches("[a-z][a-z0-9]*(_[a-z0-9]+)*")) {
            throw new IllegalArgumentException("namespace must be lower_snake_case: " + namespace);
        }
        if (application == null || application.isBlank()) {
            throw new IllegalArgumentException("application is required");
        }
    }
}
