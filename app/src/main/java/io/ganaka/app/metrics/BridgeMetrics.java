package io.ganaka.app.metrics;

import io.ganaka.bridge.BridgeCounters;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

/** What the bridge did with the JetStream messages it received, read from its counters on every scrape. */
public final class BridgeMetrics implements MultiCollector {

    private final BridgeCounters counters;

    public BridgeMetrics(BridgeCounters counters) {
        this.counters = counters;
    }

    @Override
    public MetricSnapshots collect() {
        return MetricSnapshots.of(CounterSnapshot.builder()
                .name("ganaka_bridge_messages")
                .help("JetStream messages by outcome: forwarded to their Kafka topic, dead-lettered, or failed and"
                        + " nak'd for redelivery")
                .dataPoint(point("forwarded", counters.forwarded()))
                .dataPoint(point("dead_lettered", counters.deadLettered()))
                .dataPoint(point("failed", counters.failed()))
                .build());
    }

    private static CounterDataPointSnapshot point(String outcome, long value) {
        return CounterDataPointSnapshot.builder().labels(Labels.of("outcome", outcome)).value(value).build();
    }
}
