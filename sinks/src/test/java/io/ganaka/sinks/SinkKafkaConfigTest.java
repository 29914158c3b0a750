package io.ganaka.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ganaka.schemas.Naming;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;

class SinkKafkaConfigTest {

    @Test
    void aSinkConsumerCommitsByHandReadsCommittedOutputAndHasTheConfiguredSession() {
        SinkSettings settings = new SinkSettings(Naming.DEFAULT, "127.0.0.1:9092", 500, Duration.ofMillis(200),
                Duration.ofSeconds(6));

        Properties p = SinkKafkaConfig.consumer(settings, "expenses");

        assertThat(p.getProperty(ConsumerConfig.GROUP_ID_CONFIG)).isEqualTo("ganaka-sinks-expenses");
        assertThat(p.getProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG)).isEqualTo("false");
        assertThat(p.getProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG)).isEqualTo("read_committed");
        assertThat(p.getProperty(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG)).isEqualTo("6000");
        assertThat(p.getProperty(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG)).isEqualTo("2000");
    }

    @Test
    void theDefaultSessionIsKafkasAndOneOutsideTheBrokersLimitsIsRefused() {
        SinkSettings settings = new SinkSettings(Naming.DEFAULT, "127.0.0.1:9092", 500, Duration.ofMillis(200));

        assertThat(SinkKafkaConfig.consumer(settings, "expenses").getProperty(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG))
                .isEqualTo("45000");
        assertThatThrownBy(() -> new SinkSettings(Naming.DEFAULT, "127.0.0.1:9092", 500, Duration.ofMillis(200),
                Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("6 s");
    }
}
