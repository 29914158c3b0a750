package io.ganaka.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.ganaka.sinks.SinkBatch;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SinkMetricsTest {

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final SinkMetrics metrics = new SinkMetrics(registry);

    @Test
    void countsRecordsByOutcomeAndObservesSizeWriteTimeAndEachEventsLatency() {
        metrics.committed(new SinkBatch("expenses", 3, 1, 2, Duration.ofMillis(40),
                List.of(Duration.ofMillis(120), Duration.ofSeconds(2))));

        assertThat(counter("ganaka_sink_records", Labels.of("outcome", "written", "sink", "expenses"))).isEqualTo(3);
        assertThat(counter("ganaka_sink_records", Labels.of("outcome", "dead_lettered", "sink", "expenses")))
                .isEqualTo(1);
        assertThat(counter("ganaka_sink_records", Labels.of("outcome", "skipped", "sink", "expenses"))).isEqualTo(2);
        HistogramSnapshot.HistogramDataPointSnapshot size = histogram("ganaka_sink_batch_size");
        assertThat(size.getCount()).isEqualTo(1);
        assertThat(size.getSum()).isEqualTo(6);
        assertThat(histogram("ganaka_sink_write_seconds").getSum()).isEqualTo(0.04);
        HistogramSnapshot.HistogramDataPointSnapshot latency = histogram("ganaka_pipeline_latency_seconds");
        assertThat(latency.getCount()).isEqualTo(2);
        assertThat(latency.getSum()).isEqualTo(2.12);
    }

    private double counter(String name, Labels labels) {
        CounterSnapshot snapshot = (CounterSnapshot) family(name);
        return snapshot.getDataPoints().stream().filter(p -> p.getLabels().equals(labels)).findFirst()
                .orElseThrow().getValue();
    }

    private HistogramSnapshot.HistogramDataPointSnapshot histogram(String name) {
        HistogramSnapshot snapshot = (HistogramSnapshot) family(name);
        assertThat(snapshot.getDataPoints()).singleElement()
                .satisfies(p -> assertThat((Object) p.getLabels()).isEqualTo(Labels.of("sink", "expenses")));
        return snapshot.getDataPoints().get(0);
    }

    private MetricSnapshot family(String name) {
        return registry.scrape().stream().filter(s -> s.getMetadata().getPrometheusName().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no metric " + name));
    }
}
