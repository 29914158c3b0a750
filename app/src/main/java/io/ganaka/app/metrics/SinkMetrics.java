package io.ganaka.app.metrics;

import io.ganaka.sinks.SinkBatch;
import io.ganaka.sinks.SinkObserver;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.time.Duration;

/**
 * The sinks' committed batches as metrics: records by outcome, batch sizes, write times and the end-to-end latency of
 * the events written. Every series is per sink, and sink names are the fixed set the sinks role starts.
 */
public final class SinkMetrics implements SinkObserver {

    /** Batches are at most the sinks' max.poll.records (1,000). */
    private static final double[] BATCH_SIZES = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000};
    /** From a fast projection (tens of ms) to a pipeline that fell minutes behind. */
    private static final double[] LATENCIES = {0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300};

    private final Counter records;
    private final Histogram batchSize;
    private final Histogram writeTime;
    private final Histogram latency;

    public SinkMetrics(PrometheusRegistry registry) {
        records = Counter.builder()
                .name("ganaka_sink_records_total")
                .help("Records the sinks committed: written to the database, dead-lettered, or skipped as not"
                        + " meant for the sink")
                .labelNames("sink", "outcome")
                .register(registry);
        batchSize = Histogram.builder()
                .name("ganaka_sink_batch_size")
                .help("Records in each batch a sink committed")
                .labelNames("sink")
                .classicUpperBounds(BATCH_SIZES)
                .register(registry);
        writeTime = Histogram.builder()
                .name("ganaka_sink_write_seconds")
                .help("Time of the database transaction that committed a batch, dead letters included")
                .unit(Unit.SECONDS)
                .labelNames("sink")
                .classicOnly()
                .register(registry);
        latency = Histogram.builder()
                .name("ganaka_pipeline_latency_seconds")
                .help("From an event's creation (its UUIDv7 id: occurredAt to the millisecond) to the commit of"
                        + " its projection in Postgres")
                .unit(Unit.SECONDS)
                .labelNames("sink")
                .classicUpperBounds(LATENCIES)
                .register(registry);
    }

    @Override
    public void committed(SinkBatch batch) {
        String sink = batch.sink();
        records.labelValues(sink, "written").inc(batch.written());
        records.labelValues(sink, "dead_lettered").inc(batch.deadLettered());
        records.labelValues(sink, "skipped").inc(batch.skipped());
        batchSize.labelValues(sink).observe(batch.size());
        writeTime.labelValues(sink).observe(seconds(batch.writeTime()));
        for (Duration each : batch.latencies()) {
            latency.labelValues(sink).observe(seconds(each));
        }
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
