package io.ganaka.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ganaka.schemas.Naming;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsSettingsTest {

    private final Path stateDir = Path.of("/tmp/ganaka-streams-test");

    @Test
    void configuresExactlyOnceWithTheRolesApplicationId() {
        Properties props = new StreamsSettings(new Naming("abc"), "broker:9092", stateDir, 3, 1, Duration.ofMillis(100)).toProperties();

        assertThat(props)
                .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "abc-ganaka-streams")
                .containsEntry(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9092")
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "exactly_once_v2")
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100L)
                .containsEntry(StreamsConfig.REPLICATION_FACTOR_CONFIG, 3)
                .containsEntry(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 1)
                .containsEntry(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        // The config must be accepted by Kafka Streams itself, not only hold our values.
        assertThat(new StreamsConfig(props).getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo("exactly_once_v2");
    }

    @Test
    void eachClientIsAStaticMemberWhoseIdIsStableForItsStateDirectoryAndDiffersForAnother() {
        String key = StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        StreamsSettings settings = StreamsSettings.singleBroker(new Naming("abc"), "b:1", stateDir);

        Object reports = settings.toProperties().get(key);
        assertThat(reports).isEqualTo(StreamsSettings.singleBroker(new Naming("abc"), "b:1", stateDir).toProperties().get(key))
                .asString().startsWith("abc-ganaka-streams-");
        assertThat(settings.toProperties("alerts").get(key)).isNotEqualTo(reports)
                .asString().startsWith("abc-ganaka-streams-alerts-");
        assertThat(StreamsSettings.singleBroker(new Naming("abc"), "b:1", Path.of("/tmp/another")).toProperties().get(key))
                .isNotEqualTo(reports);
        assertThat(new StreamsConfig(settings.toProperties()).originals()).containsKey(key);
    }

    @Test
    void skipsUnreadableRecordsInsteadOfStopping() {
        Properties props = StreamsSettings.singleBroker(Naming.DEFAULT, "localhost:9092", stateDir).toProperties();
        assertThat(props).containsEntry(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
        assertThat(props).containsEntry(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
    }

    @Test
    void rejectsABlankBootstrapServerList() {
        assertThatThrownBy(() -> StreamsSettings.singleBroker(Naming.DEFAULT, " ", stateDir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bootstrapServers");
    }

    @Test
    void rejectsAReplicationFactorOfZero() {
        assertThatThrownBy(() -> new StreamsSettings(Naming.DEFAULT, "b:1", stateDir, 0, 0, Duration.ofMillis(100)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("replicationFactor");
    }

    @Test
    void rejectsANonPositiveCommitInterval() {
        assertThatThrownBy(() -> new StreamsSettings(Naming.DEFAULT, "b:1", stateDir, 1, 0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("commitInterval");
    }

    @Test
    void buildsTheTopologiesFromTheirDefaultsUnlessToldOtherwise() {
        StreamsSettings settings = StreamsSettings.singleBroker(Naming.DEFAULT, "localhost:9092", stateDir);
        TopologySettings configured = new TopologySettings(
                new io.ganaka.streams.alerts.AlertSettings(java.math.BigDecimal.TEN, java.util.List.of(50), 3, 2.0, 1.5),
                io.ganaka.streams.reportupdates.MonthCloseSettings.defaults().withGrace(Duration.ZERO));

        assertThat(settings.topologies()).isEqualTo(TopologySettings.defaults());
        assertThat(settings.withTopologies(configured).topologies()).isEqualTo(configured);
        assertThat(settings.withTopologies(configured).toProperties()).isEqualTo(settings.toProperties());
    }
}
