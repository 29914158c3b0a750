package io.ganaka.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.ganaka.testkit.TestEnvironment;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class KafkaReadinessIT {

    @Test
    void aRunningBrokerAnswers() {
        try (KafkaReadiness kafka = new KafkaReadiness(TestEnvironment.shared().kafkaBootstrapServers(),
                "ganaka-it-ready")) {
            assertThat(kafka.answers()).isTrue();
        }
    }

    @Test
    void aClosedPortDoesNotAnswer() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (KafkaReadiness kafka = new KafkaReadiness("127.0.0.1:" + closedPort, "ganaka-it-ready-none")) {
            assertThat(kafka.answers()).isFalse();
        }
    }
}
