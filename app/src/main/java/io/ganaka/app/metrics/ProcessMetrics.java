package io.ganaka.app.metrics;

import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * The metrics of one Ganaka process: one registry, made here and handed to every role by hand rather than the
 * client's static default registry, so that several systems in one JVM (the tests) never mix their series. It starts
 * with the JVM metrics; the roles add the Kafka clients they run, which are exported once all roles are up.
 */
public final class ProcessMetrics {

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final List<KafkaMetricSource> kafkaSources = new ArrayList<>();
    private boolean kafkaRegistered;

    public ProcessMetrics() {
        JvmMetrics.builder().register(registry);
    }

    public PrometheusRegistry registry() {
        return registry;
    }

    /** Adds a Kafka client to export; only before {@link #exportKafkaClients()}. */
    public synchronized void addKafkaClient(KafkaMetricSource source) {
        if (kafkaRegistered) {
            throw new IllegalStateException("Kafka clients are already exported");
        }
        kafkaSources.add(source);
    }

    /** Registers one collector for every Kafka client added, so that clients sharing metric names share families. */
    public synchronized void exportKafkaClients() {
        if (!kafkaRegistered) {
            kafkaRegistered = true;
            registry.register(new KafkaClientMetrics(kafkaSources));
        }
    }
}
