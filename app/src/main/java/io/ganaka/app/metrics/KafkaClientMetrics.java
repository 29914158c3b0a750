package io.ganaka.app.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports the metrics of Kafka clients (Kafka Streams, producers, consumers) as Prometheus gauges, read afresh from
 * the clients on every scrape. Each metric becomes {@code <namespace>_<group>_<name>} (see {@link KafkaMetricNames}),
 * its tags become labels, and {@code application} names the client's part of Ganaka. Values that are not numbers
 * (versions, states) or not finite (Kafka's NaN for "no sample yet") are left out; a series seen twice keeps its first
 * value. All sources go through one collector so that two clients with the same metric names share one family.
 */
public final class KafkaClientMetrics implements MultiCollector {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaClientMetrics.class);
    static final String APPLICATION_LABEL = "application";

    private final List<KafkaMetricSource> sources;

    public KafkaClientMetrics(List<KafkaMetricSource> sources) {
        this.sources = List.copyOf(sources);
    }

    @Override
    public MetricSnapshots collect() {
        Map<String, Family> families = new LinkedHashMap<>();
        for (KafkaMetricSource source : sources) {
            Map<MetricName, ? extends Metric> metrics;
            try {
                metrics = source.metrics().get();
            } catch (RuntimeException e) {
                // A client that is closing or being replaced: its metrics are skipped for this scrape only.
                LOG.debug("Could not read the Kafka metrics of {}: {}", source.application(), e.toString());
                continue;
            }
            metrics.forEach((name, metric) -> add(families, source, name, metric));
        }
        MetricSnapshots.Builder snapshots = MetricSnapshots.builder();
        families.forEach((name, family) -> snapshots.metricSnapshot(family.toSnapshot(name)));
        return snapshots.build();
    }

    private static void add(Map<String, Family> families, KafkaMetricSource source, MetricName name, Metric metric) {
        Object value = metric.metricValue();
        if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
            return;
        }
        Family family = families.computeIfAbsent(KafkaMetricNames.metricName(source.namespace(), name),
                n -> new Family(help(name)));
        family.points.putIfAbsent(labels(source, name), number.doubleValue());
    }

    private static Labels labels(KafkaMetricSource source, MetricName name) {
        Labels.Builder labels = Labels.builder().label(APPLICATION_LABEL, source.application());
        Map<String, String> seen = new LinkedHashMap<>();
        name.tags().forEach((tag, value) -> {
            String label = KafkaMetricNames.labelName(tag);
            // Two tags that sanitize to one label (or to "application") would make the label set invalid.
            if (!label.equals(APPLICATION_LABEL) && seen.putIfAbsent(label, value) == null) {
                labels.label(label, value == null ? "" : value);
            }
        });
        return labels.build();
    }

    private static String help(MetricName name) {
        String description = name.description();
        return description == null || description.isBlank()
                ? "Kafka metric " + name.group() + "/" + name.name()
                : description;
    }

    /** One metric family under construction: its help text and a value per label set. */
    private record Family(String help, Map<Labels, Double> points) {

        Family(String help) {
            this(help, new LinkedHashMap<>());
        }

        GaugeSnapshot toSnapshot(String name) {
            GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name(name).help(help);
            points.forEach((labels, value) ->
                    gauge.dataPoint(GaugeDataPointSnapshot.builder().labels(labels).value(value).build()));
            return gauge.build();
        }
    }
}
