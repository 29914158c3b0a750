package io.ganaka.sinks;

import io.ganaka.schemas.Naming;
import java.time.Duration;
import java.util.Objects;

/** What the sinks need to run: the names, the Kafka cluster, the largest batch written at once and the poll wait. */
public record SinkSettings(Naming naming, String kafkaBootstrapServers, int maxBatchRecords, Duration pollTimeout) {

    public SinkSettings {
        Objects.requireNonNull(naming, "naming");
        Objects.requireNonNull(pollTimeout, "pollTimeout");
        if (kafkaBootstrapServers == null || kafkaBootstrapServers.isBlank()) {
            throw new IllegalArgumentException("kafkaBootstrapServers must not be blank");
        }
        if (maxBatchRecords < 1 || maxBatchRecords > 100_000) {
            throw new IllegalArgumentException("maxBatchRecords must be between 1 and 100000: " + maxBatchRecords);
        }
        if (pollTimeout.isNegative() || pollTimeout.isZero()) {
            throw new IllegalArgumentException("pollTimeout must be positive: " + pollTimeout);
        }
    }
}
