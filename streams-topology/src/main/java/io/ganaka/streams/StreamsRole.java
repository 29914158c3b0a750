package io.ganaka.streams;

import io.ganaka.schemas.Naming;
import io.ganaka.schemas.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running streams role: one Kafka Streams client per {@link StreamsApp}, each with its own application id, so
 * the categorization and the reports restart, rebalance and keep state independently. {@link #start} returns only
 * once every client is RUNNING, so a caller knows their topics and groups are in order.
 */
public final class StreamsRole implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsRole.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final List<KafkaStreams> clients;
    /** The display name of each client, in the order of {@link #clients}. */
    private final List<String> names;
    /** Where every client's unreadable or unprocessable records go; closed after the clients. */
    private final StreamsDeadLetters deadLetters;

    private StreamsRole(List<KafkaStreams> clients, List<String> names, StreamsDeadLetters deadLetters) {
        this.clients = List.copyOf(clients);
        this.names = List.copyOf(names);
        this.deadLetters = deadLetters;
    }

    /**
     * Starts every topology of the role and waits until they run.
     *
     * @throws IllegalStateException if a client stops or is not RUNNING within the start timeout (for example
     *     because an input topic does not exist); every client started is closed before this is thrown
     */
    public static StreamsRole start(StreamsSettings settings) {
        return start(settings, new ProcessedEvents());
    }

    /** As {@link #start(StreamsSettings)}, counting the events each client takes in under {@code processed}. */
    public static StreamsRole start(StreamsSettings settings, ProcessedEvents processed) {
        return start(settings, StreamsApp.all(settings.naming(), settings.topologies(), processed), START_TIMEOUT);
    }

    /** Every topic the role reads or writes; all must exist before it starts. */
    public static List<String> topics(Naming naming) {
        return StreamsApp.all(naming).stream().flatMap(app -> app.topics().stream()).distinct().toList();
    }

    static StreamsRole start(StreamsSettings settings, List<StreamsApp> apps, Duration timeout) {
        List<KafkaStreams> started = new ArrayList<>();
        StreamsDeadLetters deadLetters =
                StreamsDeadLetters.connect(settings.bootstrapServers(), settings.naming().topic(Topic.DLQ));
        try {
            for (StreamsApp app : apps) {
                started.add(startClient(settings, app, timeout, deadLetters));
            }
        } catch (RuntimeException e) {
            // Downstream first, as close() does, so nothing reads what an already stopped client left half-written.
            for (int i = started.size() - 1; i >= 0; i--) {
                closeClient(started.get(i));
            }
            deadLetters.close();
            throw e;
        }
        return new StreamsRole(started, apps.stream().map(StreamsApp::displayName).toList(), deadLetters);
    }

    private static KafkaStreams startClient(StreamsSettings settings, StreamsApp app, Duration timeout,
                                            StreamsDeadLetters deadLetters) {
        String applicationId = settings.applicationId(app.suffix());
        Properties properties = settings.toProperties(app.suffix());
        properties.put(DeadLetterHandler.DEAD_LETTERS_CONFIG, deadLetters);
        KafkaStreams streams = new KafkaStreams(app.topology(), properties);
        CountDownLatch settled = new CountDownLatch(1);
        streams.setStateListener((newState, oldState) -> {
            LOG.info("Kafka Streams {}: {} -> {}", applicationId, oldState, newState);
            if (newState == KafkaStreams.State.RUNNING || !newState.isRunningOrRebalancing()) {
                settled.countDown();
            }
        });
        streams.setUncaughtExceptionHandler(new TransientFailureHandler());
        streams.start();
        boolean settledInTime = awaitQuietly(settled, timeout);
        if (!settledInTime || streams.state() != KafkaStreams.State.RUNNING) {
            KafkaStreams.State state = streams.state();
            closeClient(streams);
            String why = settledInTime ? "it stopped in state " + state : "it was still " + state + " after " + timeout.toSeconds() + " s";
            throw new IllegalStateException("Kafka Streams " + applicationId + " did not reach RUNNING: " + why
                    + "; do its topics " + app.topics() + " exist on " + settings.bootstrapServers() + "?");
        }
        return streams;
    }

    /** The least ready client's state, for readiness checks: RUNNING only when every client runs. */
    public KafkaStreams.State state() {
        return clients.stream().map(KafkaStreams::state)
                .filter(state -> state != KafkaStreams.State.RUNNING)
                .findFirst()
                .orElse(KafkaStreams.State.RUNNING);
    }

    /** The display names of the role's clients ({@link StreamsApp#displayName()}), upstream first. */
    public List<String> clientNames() {
        return names;
    }

    /** The live metrics of the client named {@code clientName}, as {@link KafkaStreams#metrics()} reports them. */
    public Map<MetricName, ? extends Metric> metrics(String clientName) {
        int index = names.indexOf(clientName);
        if (index < 0) {
            throw new IllegalArgumentException("no streams client named " + clientName + "; there are " + names);
        }
        return clients.get(index).metrics();
    }

    /**
     * Stops processing and leaves the consumer groups at once, so a restart does not wait for a session timeout;
     * downstream clients first.
     */
    @Override
    public void close() {
        for (int i = clients.size() - 1; i >= 0; i--) {
            closeClient(clients.get(i));
        }
        deadLetters.close();
    }

    private static void closeClient(KafkaStreams streams) {
        boolean closed = streams.close(new KafkaStreams.CloseOptions().leaveGroup(true).timeout(CLOSE_TIMEOUT));
        if (!closed) {
            LOG.warn("Kafka Streams did not close within {} s", CLOSE_TIMEOUT.toSeconds());
        }
    }

    private static boolean awaitQuietly(CountDownLatch latch, Duration timeout) {
        try {
            return latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            // Start-up was cancelled; keep the flag for the caller and report "not running".
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
