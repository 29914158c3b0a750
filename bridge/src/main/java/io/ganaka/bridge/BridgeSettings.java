package io.ganaka.bridge;

import io.ganaka.schemas.Naming;
import java.time.Duration;
import java.util.Objects;

/**
 * What the bridge needs to run: the names, the Kafka cluster, how many messages may be unacknowledged at once and
 * JetStream's ack wait (the Kafka delivery timeout is derived from it so that Kafka always gives up first).
 */
public record BridgeSettings(Naming naming, String kafkaBootstrapServers, int maxInFlight, Duration ackWait) {

    /** Below this the Kafka producer has no room for a request timeout and a retry inside the ack wait. */
    public static final Duration MIN_ACK_WAIT = Duration.ofSeconds(5);

    public BridgeSettings {
        Objects.requireNonNull(naming, "naming");
        Objects.requireNonNull(ackWait, "ackWait");
        if (kafkaBootstrapServers == null || kafkaBootstrapServers.isBlank()) {
            throw new IllegalArgumentException("kafkaBootstrapServers must not be blank");
        }
        if (maxInFlight < 1 || maxInFlight > 100_000) {
            throw new IllegalArgumentException("maxInFlight must be between 1 and 100000: " + maxInFlight);
        }
        if (ackWait.compareTo(MIN_ACK_WAIT) < 0) {
            throw new IllegalArgumentException("ackWait must be at least " + MIN_ACK_WAIT + ": " + ackWait);
        }
    }

    /** How long Kafka may try to deliver one record: a fifth below the ack wait, so a nak always beats redelivery. */
    public Duration kafkaDeliveryTimeout() {
        return ackWait.minus(ackWait.dividedBy(5));
    }
}
