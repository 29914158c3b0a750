package io.ganaka.app.metrics;

import io.ganaka.bridge.Bridge;
import io.ganaka.bridge.BridgeCounters;
import io.ganaka.bridge.ConsumerBacklog;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the bridge did with the JetStream messages it received, read from its counters on every scrape, and how far
 * its JetStream consumer is behind, from a throttled consumer-info request.
 */
public final class BridgeMetrics implements MultiCollector {

    private final BridgeCounters counters;
    private final ThrottledSample<ConsumerBacklog> backlog;

    BridgeMetrics(BridgeCounters counters, ThrottledSample<ConsumerBacklog> backlog) {
        this.counters = counters;
        this.backlog = backlog;
    }

    /** Reads the consumer's backlog at most once per {@code backlogInterval}. */
    public static BridgeMetrics of(Bridge bridge, Duration backlogInterval) {
        return new BridgeMetrics(bridge.counters(), new ThrottledSample<>(bridge::backlog, backlogInterval));
    }

    @Override
    public MetricSnapshots collect() {
        List<MetricSnapshot> snapshots = new ArrayList<>();
        snapshots.add(CounterSnapshot.builder()
                .name("ganaka_bridge_messages")
                .help("JetStream messages by outcome: forwarded to their Kafka topic, dead-lettered, or failed and"
                        + " nak'd for redelivery")
                .dataPoint(counter("outcome", "forwarded", counters.forwarded()))
                .dataPoint(counter("outcome", "dead_lettered", counters.deadLettered()))
                .dataPoint(counter("outcome", "failed", counters.failed()))
                .build());
        CounterSnapshot.Builder forwarded = CounterSnapshot.builder()
                .name("ganaka_bridge_forwarded")
                .help("Events the bridge forwarded to their Kafka input topic, by event type");
        counters.forwardedByType().forEach((type, count) -> forwarded.dataPoint(counter("type", type, count)));
        snapshots.add(forwarded.build());
        Optional<ConsumerBacklog> lag = backlog.get();
        lag.ifPresent(b -> snapshots.add(GaugeSnapshot.builder()
                .name("ganaka_bridge_lag_messages")
                .help("Messages of the JetStream stream the bridge has not forwarded yet: pending (not delivered to"
                        + " the bridge yet) and ack_pending (delivered, Kafka send not acknowledged yet)")
                .dataPoint(gauge("state", "pending", b.pending()))
                .dataPoint(gauge("state", "ack_pending", b.ackPending()))
                .build()));
        return new MetricSnapshots(snapshots);
    }

    private static CounterDataPointSnapshot counter(String label, String value, long count) {
        return CounterDataPointSnapshot.builder().labels(Labels.of(label, value)).value(count).build();
    }

    private static GaugeDataPointSnapshot gauge(String label, String value, long count) {
        return GaugeDataPointSnapshot.builder().labels(Labels.of(label, value)).value(count).build();
    }
}
