package io.ganaka.sinks;

import io.ganaka.schemas.Naming;
import java.time.Duration;
import java.util.Objects;

/**
 * What the sinks need to run: the names, the Kafka cluster, the largest batch written at once, the poll wait, and the
 * consumer session timeout (how long the group waits for a sink process that vanished without leaving, e.g. killed,
 * before its partitions move to a live one).
 */
public record SinkSettings(Naming naming, String kafkaBootstrapServers, int maxBatchRecords, Duration pollTimeout,
                           Duration sessionTimeout) {

    /** Kafka's default session timeout. */
    public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofSeconds(45);

    public SinkSettings {
        Objects.requireNonNull(naming, "naming");
        Objects.requireNonNull(pollTimeout, "pollTimeout");
        Objects.requireNonNull(sessionTimeout, "sessionTimeout");
        if (kafkaBootstrapServers == null || kafkaBootstrapServers.isBlank()) {
            throw new IllegalArgumentException("kafkaBootstrapServers must not be blank");
        }
        if (maxBatchRecords < 1 || maxBatchRecords > 100_000) {
            throw new IllegalArgumentException("maxBatchRecords must be between 1 and 100000: " + maxBatchRecords);
        }
        if (pollTimeout.isNegative() || pollTimeout.isZero()) {
            throw new IllegalArgumentException("pollTimeout must be positive: " + pollTimeout);
        }
        // The broker refuses sessions outside group.min/max.session.timeout.ms (6 s to 30 min by default).
        if (sessionTimeout.compareTo(Duration.ofSeconds(6)) < 0
                || sessionTimeout.compareTo(Duration.ofMinutes(30)) > 0) {
            throw new IllegalArgumentException("sessionTimeout must be between 6 s and 30 min: " + sessionTimeout);
        }
    }

    /** Settings with Kafka's default session timeout. */
    public SinkSettings(Naming naming, String kafkaBootstrapServers, int maxBatchRecords, Duration pollTimeout) {
        this(naming, kafkaBootstrapServers, maxBatchRecords, pollTimeout, DEFAULT_SESSION_TIMEOUT);
    }
}
