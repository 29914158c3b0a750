package io.ganaka.app;

import io.ganaka.schemas.Naming;
import io.ganaka.schemas.Topic;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.DiscardPolicy;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates what the roles expect to exist: the JetStream event stream and the Kafka topics. Idempotent. */
public final class Provisioning {

    private static final Logger log = LoggerFactory.getLogger(Provisioning.class);
    /** JetStream error code for "stream not found" / "consumer not found". */
    private static final int STREAM_NOT_FOUND = 10059;
    private static final int CONSUMER_NOT_FOUND = 10014;
    /** Publishers retry within this window without creating duplicates (DESIGN.md: at least 2 minutes). */
    static final Duration DUPLICATE_WINDOW = Duration.ofMinutes(2);

    private Provisioning() {}

    /** The event stream on a single server with the default limits (dev, tests). */
    public static void ensureEventStream(Connection nats, Naming naming) throws IOException, JetStreamApiException {
        ensureEventStream(nats, naming, EventStreamSettings.SINGLE_SERVER);
    }

    /**
     * Creates the event stream, or brings an existing one's replicas and limits to {@code settings}. Retention stays
     * "limits" (never work-queue: the reconciler reads the stream too) and a full stream refuses new events rather
     * than dropping unforwarded old ones.
     */
    public static void ensureEventStream(Connection nats, Naming naming, EventStreamSettings settings)
            throws IOException, JetStreamApiException {
        JetStreamManagement jsm = nats.jetStreamManagement();
        StreamInfo info;
        try {
            info = jsm.getStreamInfo(naming.streamName());
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() != STREAM_NOT_FOUND) {
                throw e;
            }
            jsm.addStream(eventStream(StreamConfiguration.builder(), naming, settings));
            log.info("Created JetStream stream {} on {} ({} replicas, max age {}, max {})", naming.streamName(),
                    naming.eventSubjects(), settings.replicas(), settings.maxAge(), describeBytes(settings));
            return;
        }
        StreamConfiguration current = info.getConfiguration();
        if (!current.getSubjects().contains(naming.eventSubjects())) {
            throw new IllegalStateException("JetStream stream " + naming.streamName() + " exists but does not carry "
                    + naming.eventSubjects() + " (subjects: " + current.getSubjects() + ")");
        }
        if (current.getReplicas() != settings.replicas() || !settings.maxAge().equals(current.getMaxAge())
                || current.getMaxBytes() != settings.maxBytes() || current.getDiscardPolicy() != DiscardPolicy.New) {
            jsm.updateStream(eventStream(StreamConfiguration.builder(current), naming, settings));
            log.info("Updated JetStream stream {}: {} replicas, max age {}, max {}, discard new",
                    naming.streamName(), settings.replicas(), settings.maxAge(), describeBytes(settings));
        }
    }

    private static String describeBytes(EventStreamSettings settings) {
        return settings.maxBytes() == EventStreamSettings.UNLIMITED_BYTES ? "no byte limit"
                : (settings.maxBytes() >> 20) + " MiB";
    }

    private static StreamConfiguration eventStream(StreamConfiguration.Builder builder, Naming naming,
                                                   EventStreamSettings settings) {
        return builder
                .name(naming.streamName())
                .subjects(naming.eventSubjects())
                .storageType(StorageType.File)
                .retentionPolicy(RetentionPolicy.Limits)
                .discardPolicy(DiscardPolicy.New)
                .replicas(settings.replicas())
                .maxAge(settings.maxAge())
                .maxBytes(settings.maxBytes())
                .duplicateWindow(DUPLICATE_WINDOW)
                .build();
    }

    /**
     * Forgets the bridge's position in the event stream so that it forwards every stored event again. Used when the
     * Kafka side is new and empty (dev's embedded broker): JetStream is the durable log and Kafka is rebuilt from it;
     * the sinks are idempotent, so the replay converges to the same projections.
     */
    public static void replayEventStreamIntoNewKafka(Connection nats, Naming naming) throws IOException, JetStreamApiException {
        try {
            nats.jetStreamManagement().deleteConsumer(naming.streamName(), naming.bridgeConsumer());
            log.info("Kafka is new: the bridge will replay stream {} from its start", naming.streamName());
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() != CONSUMER_NOT_FOUND) {
                throw e;
            }
        }
    }

    /** The topics with {@code min.insync.replicas} 2, or the replication factor when it is smaller. */
    public static void ensureTopics(String bootstrapServers, Naming naming, int partitions, short replication)
            throws InterruptedException {
        ensureTopics(bootstrapServers, naming, partitions, replication, Math.min(2, replication));
    }

    /**
     * Creates every topic with {@code replication} copies of which {@code minInsync} must hold a record before an
     * {@code acks=all} producer is answered, and with unclean leader election off (an out-of-date replica never
     * becomes leader and silently drops acked records).
     */
    public static void ensureTopics(String bootstrapServers, Naming naming, int partitions, short replication,
                                    int minInsync) throws InterruptedException {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        try (Admin admin = Admin.create(props)) {
            List<NewTopic> topics = Arrays.stream(Topic.values())
                    .map(t -> new NewTopic(naming.topic(t), partitions, replication)
                            .configs(Map.of("min.insync.replicas", String.valueOf(minInsync),
                                    "unclean.leader.election.enable", "false")))
                    .toList();
            for (var entry : admin.createTopics(topics).values().entrySet()) {
                try {
                    entry.getValue().get(30, TimeUnit.SECONDS);
                    log.info("Created Kafka topic {} ({} partitions, replication {})", entry.getKey(), partitions, replication);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create Kafka topic " + entry.getKey() + ": "
                                + e.getCause().getMessage(), e.getCause());
                    }
                } catch (TimeoutException e) {
                    throw new IllegalStateException("Kafka at " + bootstrapServers + " did not create topic "
                            + entry.getKey() + " within 30 s", e);
                }
            }
        }
    }
}
