package io.ganaka.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Avg;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KafkaClientMetricsTest {

    private final Metrics kafka = new Metrics();

    @AfterEach
    void closeMetrics() {
        kafka.close();
    }

    @Test
    void exportsTheMetricsOfARunningTopologyWithItsTagsAndApplicationAsLabels() throws IOException {
        try (TopologyTestDriver driver = countingTopology()) {
            driver.createInputTopic("in", Serdes.String().serializer(), Serdes.String().serializer())
                    .pipeInput("alice", "coffee");
            KafkaClientMetrics collector = new KafkaClientMetrics(
                    List.of(new KafkaMetricSource(KafkaMetricSource.STREAMS, "reports", driver::metrics)));

            MetricSnapshots snapshots = collector.collect();

            assertThat(value(snapshots, "kafka_streams_stream_topic_records_consumed_total", Labels.of(
                    "application", "reports", "thread_id", "main", "task_id", "0_0",
                    "processor_node_id", "KSTREAM-SOURCE-0000000000", "topic", "in"))).contains(1.0);
            assertThat(labelsOf(snapshots, "kafka_streams_stream_state_put_rate"))
                    .allSatisfy(labels -> assertThat(labels.get("in_memory_state_id")).isEqualTo("counts"));
            assertThat(labelsOf(snapshots, "kafka_streams_stream_task_process_total"))
                    .allSatisfy(labels -> assertThat(labels.get("task_id")).isEqualTo("0_0"));
            assertThat(text(snapshots))
                    .contains("# TYPE kafka_streams_stream_topic_records_consumed_total gauge")
                    .doesNotContain("NaN");
        }
    }

    @Test
    void leavesOutValuesThatAreNotFiniteNumbers() {
        Map<String, String> tags = Map.of("client-id", "bridge-1");
        Sensor sends = kafka.sensor("sends");
        sends.add(kafka.metricName("record-send-total", "producer-metrics", "sends so far", tags), new CumulativeSum());
        sends.record(3);
        kafka.sensor("latency").add(kafka.metricName("request-latency-avg", "producer-metrics", "", tags), new Avg());
        kafka.addMetric(kafka.metricName("version", "app-info", "", tags), (Gauge<String>) (config, now) -> "4.1.1");
        kafka.addMetric(kafka.metricName("buffer-exhausted", "producer-metrics", "", tags),
                (Gauge<Double>) (config, now) -> Double.POSITIVE_INFINITY);

        MetricSnapshots snapshots = collect(new KafkaMetricSource(KafkaMetricSource.PRODUCER, "bridge", kafka::metrics));

        assertThat(value(snapshots, "kafka_producer_record_send_total",
                Labels.of("application", "bridge", "client_id", "bridge-1"))).contains(3.0);
        assertThat(names(snapshots)).doesNotContain("kafka_producer_request_latency_avg",
                "kafka_producer_app_info_version", "kafka_producer_buffer_exhausted");
    }

    @Test
    void namesEachMetricByNamespaceGroupAndNameInPrometheusCharacters() {
        assertThat(KafkaMetricNames.metricName("kafka_streams",
                new MetricName("process-total", "stream-thread-metrics", "", Map.of())))
                .isEqualTo("kafka_streams_stream_thread_process_total");
        assertThat(KafkaMetricNames.metricName("kafka_consumer",
                new MetricName("records-lag-max", "consumer-fetch-manager-metrics", "", Map.of())))
                .isEqualTo("kafka_consumer_fetch_manager_records_lag_max");
        assertThat(KafkaMetricNames.metricName("kafka_producer",
                new MetricName("record-send-total", "producer-metrics", "", Map.of())))
                .isEqualTo("kafka_producer_record_send_total");
        assertThat(KafkaMetricNames.metricName("kafka_consumer",
                new MetricName("start-time-ms", "app-info", "", Map.of())))
                .isEqualTo("kafka_consumer_app_info_start_time_ms");
        assertThat(KafkaMetricNames.metricName("kafka_streams",
                new MetricName("block-cache.hit ratio", "stream-state-metrics", "", Map.of())))
                .isEqualTo("kafka_streams_stream_state_block_cache_hit_ratio");
        assertThat(KafkaMetricNames.labelName("rocksdb-window-state-id")).isEqualTo("rocksdb_window_state_id");
        assertThat(KafkaMetricNames.labelName("__internal")).isEqualTo("tag_internal");
        assertThat(KafkaMetricNames.labelName("1st")).isEqualTo("tag_1st");
    }

    @Test
    void keepsOneSeriesPerLabelSetAndOneFamilyForClientsSharingAMetric() throws IOException {
        Map<String, String> tags = Map.of("client-id", "c");
        Sensor polls = kafka.sensor("polls");
        polls.add(kafka.metricName("poll-total", "consumer-metrics", "", tags), new CumulativeSum());
        polls.record(2);

        MetricSnapshots snapshots = collect(
                new KafkaMetricSource(KafkaMetricSource.CONSUMER, "sinks", kafka::metrics),
                new KafkaMetricSource(KafkaMetricSource.CONSUMER, "sinks", kafka::metrics),
                new KafkaMetricSource(KafkaMetricSource.CONSUMER, "bridge", kafka::metrics));

        assertThat(labelsOf(snapshots, "kafka_consumer_poll_total")).containsExactlyInAnyOrder(
                Labels.of("application", "sinks", "client_id", "c"),
                Labels.of("application", "bridge", "client_id", "c"));
        assertThat(text(snapshots)).containsOnlyOnce("# TYPE kafka_consumer_poll_total gauge");
    }

    @Test
    void aClientWhoseMetricsCannotBeReadDoesNotHideTheOthers() {
        kafka.sensor("sends").add(kafka.metricName("record-send-total", "producer-metrics", "", Map.of()),
                new CumulativeSum());

        MetricSnapshots snapshots = collect(
                new KafkaMetricSource(KafkaMetricSource.PRODUCER, "closing", () -> {
                    throw new IllegalStateException("client closed");
                }),
                new KafkaMetricSource(KafkaMetricSource.PRODUCER, "bridge", kafka::metrics));

        assertThat(labelsOf(snapshots, "kafka_producer_record_send_total"))
                .containsExactly(Labels.of("application", "bridge"));
    }

    private static TopologyTestDriver countingTopology() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
                .groupByKey()
                .count(Materialized.as(Stores.inMemoryKeyValueStore("counts")));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "metrics-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        return new TopologyTestDriver(builder.build(), props);
    }

    private static MetricSnapshots collect(KafkaMetricSource... sources) {
        return new KafkaClientMetrics(List.of(sources)).collect();
    }

    private static List<String> names(MetricSnapshots snapshots) {
        return snapshots.stream().map(s -> s.getMetadata().getName()).toList();
    }

    private static List<Labels> labelsOf(MetricSnapshots snapshots, String name) {
        MetricSnapshot snapshot = snapshots.stream().filter(s -> s.getMetadata().getName().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError(name + " not among " + names(snapshots)));
        return snapshot.getDataPoints().stream().map(DataPointSnapshot::getLabels).toList();
    }

    private static Optional<Double> value(MetricSnapshots snapshots, String name, Labels labels) {
        return snapshots.stream().filter(s -> s.getMetadata().getName().equals(name))
                .map(GaugeSnapshot.class::cast)
                .flatMap(s -> s.getDataPoints().stream())
                .filter(point -> point.getLabels().equals(labels))
                .map(GaugeDataPointSnapshot::getValue)
                .findFirst();
    }

    private static String text(MetricSnapshots snapshots) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, snapshots);
        return out.toString(StandardCharsets.UTF_8);
    }
}
