package io.ganaka.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ganaka.schemas.Naming;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class BridgeSettingsTest {

    private static BridgeSettings settings(Duration ackWait) {
        return new BridgeSettings(new Naming("t2"), "localhost:9092", 1000, ackWait);
    }

    @Test
    void kafkaGivesUpBeforeJetStreamRedelivers() {
        for (Duration ackWait : new Duration[] {Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(5)}) {
            Properties p = BridgeProducerConfig.properties(settings(ackWait));

            long delivery = Long.parseLong(p.getProperty(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG));
            long request = Long.parseLong(p.getProperty(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG));
            long linger = Long.parseLong(p.getProperty(ProducerConfig.LINGER_MS_CONFIG));
            assertThat(delivery).isLessThan(ackWait.toMillis());
            assertThat(delivery).isGreaterThanOrEqualTo(linger + request);
            assertThat(request).isPositive();
        }
    }

    @Test
    void producerIsIdempotentAndWaitsForAllReplicas() {
        Properties p = BridgeProducerConfig.properties(settings(Duration.ofSeconds(30)));

        assertThat(p.getProperty(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)).isEqualTo("true");
        assertThat(p.getProperty(ProducerConfig.ACKS_CONFIG)).isEqualTo("all");
        assertThat(p.getProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)).isEqualTo("localhost:9092");
    }

    @Test
    void rejectsAnAckWaitTooShortForAKafkaRetry() {
        assertThatThrownBy(() -> settings(Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ackWait");
    }

    @Test
    void rejectsANonPositiveInFlightBound() {
        assertThatThrownBy(() -> new BridgeSettings(new Naming("t2"), "localhost:9092", 0, Duration.ofSeconds(30)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxInFlight");
    }
}
