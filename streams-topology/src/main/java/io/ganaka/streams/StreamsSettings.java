package io.ganaka.streams;

import io.ganaka.schemas.EventSerde;
import io.ganaka.schemas.Naming;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Everything the streams role needs to run its topologies, as one immutable value; {@link #toProperties()} turns it
 * into the Kafka Streams configuration.
 *
 * @param replicationFactor replication of internal topics (changelogs, repartitions); -1 means the broker default
 * @param topologies what the topologies are built from (alert defaults, month close)
 */
public record StreamsSettings(
        Naming naming,
        String bootstrapServers,
        Path stateDir,
        int replicationFactor,
        int standbyReplicas,
        Duration commitInterval,
        TopologySettings topologies) {

    /** Low enough that a report follows an expense within a fraction of a second under exactly-once. */
    public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofMillis(100);

    public StreamsSettings {
        Objects.requireNonNull(naming, "naming");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(commitInterval, "commitInterval");
        Objects.requireNonNull(topologies, "topologies");
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrapServers must not be blank");
        }
        if (replicationFactor == 0 || replicationFactor < -1) {
            throw new IllegalArgumentException("replicationFactor must be -1 (broker default) or at least 1: " + replicationFactor);
        }
        if (standbyReplicas < 0) {
            throw new IllegalArgumentException("standbyReplicas must not be negative: " + standbyReplicas);
        }
        if (commitInterval.isNegative() || commitInterval.isZero()) {
            throw new IllegalArgumentException("commitInterval must be positive: " + commitInterval);
        }
    }

    /** Settings with the topologies' defaults. */
    public StreamsSettings(Naming naming, String bootstrapServers, Path stateDir, int replicationFactor,
                           int standbyReplicas, Duration commitInterval) {
        this(naming, bootstrapServers, stateDir, replicationFactor, standbyReplicas, commitInterval,
                TopologySettings.defaults());
    }

    /** Settings for a single-broker setup (dev, tests): replication 1, no standbys, the default commit interval. */
    public static StreamsSettings singleBroker(Naming naming, String bootstrapServers, Path stateDir) {
        return new StreamsSettings(naming, bootstrapServers, stateDir, 1, 0, DEFAULT_COMMIT_INTERVAL);
    }

    /** These settings with the topologies built from {@code newTopologies}. */
    public StreamsSettings withTopologies(TopologySettings newTopologies) {
        return new StreamsSettings(naming, bootstrapServers, stateDir, replicationFactor, standbyReplicas, commitInterval,
                newTopologies);
    }

    public String applicationId() {
        return StreamsApp.applicationId(naming, "");
    }

    /**
     * The application id of one of the role's Kafka Streams clients: {@link #applicationId()} for the empty suffix,
     * otherwise that id and {@code -suffix}, so each client has its own group, internal topics and state directory.
     */
    public String applicationId(String suffix) {
        return StreamsApp.applicationId(naming, suffix);
    }

    public Properties toProperties() {
        return toProperties("");
    }

    /** The configuration of the client with the application id {@link #applicationId(String) suffix}. */
    public Properties toProperties(String applicationSuffix) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId(applicationSuffix));
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        props.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, EventSerde.class);
        // A record that is not a well-formed event, or whose content breaks a processor, goes to the dead-letter
        // topic (through what the role passes as DeadLetterHandler.DEAD_LETTERS_CONFIG) and the topology goes on.
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitInterval.toMillis());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, replicationFactor);
        props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, standbyReplicas);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        // Static membership: closing with leaveGroup(true) then removes the member at once, so a restarted role gets
        // its tasks back in seconds instead of waiting out the old member's session timeout (Kafka Streams adds
        // the thread index to the id).
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG),
                staticMemberId(applicationSuffix));
        return props;
    }

    /**
     * Stable for one state directory on one host, and different for every other: a state directory serves one
     * process at a time (Kafka Streams locks it), so two live members never share an id, and a restart on the same
     * directory is the same member again.
     */
    String staticMemberId(String applicationSuffix) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        String identity = host + "|" + stateDir.toAbsolutePath().normalize() + "|" + applicationId(applicationSuffix);
        return applicationId(applicationSuffix) + "-"
                + UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8));
    }
}
