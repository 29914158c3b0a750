package io.ganaka.app.metrics;

import io.ganaka.streams.ProcessedEvents;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

/** The events each Kafka Streams client of the streams role took in, by type, read from its counters on each scrape. */
public final class ProcessedEventMetrics implements MultiCollector {

    private final ProcessedEvents processed;

    public ProcessedEventMetrics(ProcessedEvents processed) {
        this.processed = processed;
    }

    @Override
    public MetricSnapshots collect() {
        CounterSnapshot.Builder counter = CounterSnapshot.builder()
                .name("ganaka_streams_events_processed")
                .help("Events the streams role's clients (categorize, reports, alerts) decoded from their input"
                        + " topics, by event type; a record read again after an aborted transaction counts again");
        processed.snapshot().forEach((key, count) -> counter.dataPoint(CounterDataPointSnapshot.builder()
                .labels(Labels.of("application", key.application(), "type", key.type()))
                .value(count)
                .build()));
        return MetricSnapshots.of(counter.build());
    }
}
