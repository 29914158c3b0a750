package io.ganaka.app;

import io.ganaka.schemas.Naming;
import io.ganaka.schemas.Topic;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
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

    public static void ensureEventStream(Connection nats, Naming naming) throws IOException, JetStreamApiException {
        JetStreamManagement jsm = nats.jetStreamManagement();
        try {
            StreamInfo info = jsm.getStreamInfo(naming.streamName());
            if (!info.getConfiguration().getSubjects().contains(naming.eventSubjects())) {
                throw new IllegalStateException("JetStream stream " + naming.streamName() + " exists but does not carry "
                        + naming.eventSubjects() + " (subjects: " + info.getConfiguration().getSubjects() + ")");
            }
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() != STREAM_NOT_FOUND) {
                throw e;
            }
            jsm.addStream(StreamConfiguration.builder()
                    .name(naming.streamName())
                    .subjects(naming.eventSubjects())
                    .storageType(StorageType.File)
                    .duplicateWindow(DUPLICATE_WINDOW)
                    .build());
            log.info("Created JetStream stream {} on {}", naming.streamName(), naming.eventSubjects());
        }
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

    public static void ensureTopics(String bootstrapServers, Naming naming, int partitions, short replication)
            throws InterruptedException {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        try (Admin admin = Admin.create(props)) {
            List<NewTopic> topics = Arrays.stream(Topic.values())
                    .map(t -> new NewTopic(naming.topic(t), partitions, replication)
                            .configs(Map.of("min.insync.replicas", String.valueOf(Math.min(2, replication)))))
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
