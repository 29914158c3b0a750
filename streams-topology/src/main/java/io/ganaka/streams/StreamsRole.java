package io.ganaka.streams;

import io.ganaka.streams.reports.AggregatesTopology;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running streams role: the Kafka Streams client executing Ganaka's topologies. {@link #start} returns only once
 * the client is RUNNING, so a caller knows its topics and group are in order.
 */
public final class StreamsRole implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsRole.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaStreams streams;

    private StreamsRole(KafkaStreams streams) {
        this.streams = streams;
    }

    /**
     * Starts the topologies and waits until they run.
     *
     * @throws IllegalStateException if the client stops or is not RUNNING within the start timeout (for example
     *     because an input topic does not exist); the client is closed before this is thrown
     */
    public static StreamsRole start(StreamsSettings settings) {
        return start(settings, AggregatesTopology.build(settings.naming()), START_TIMEOUT);
    }

    static StreamsRole start(StreamsSettings settings, Topology topology, Duration timeout) {
        KafkaStreams streams = new KafkaStreams(topology, settings.toProperties());
        CountDownLatch settled = new CountDownLatch(1);
        streams.setStateListener((newState, oldState) -> {
            LOG.info("Kafka Streams {}: {} -> {}", settings.applicationId(), oldState, newState);
            if (newState == KafkaStreams.State.RUNNING || !newState.isRunningOrRebalancing()) {
                settled.countDown();
            }
        });
        streams.setUncaughtExceptionHandler(new TransientFailureHandler());
        streams.start();
        boolean settledInTime = awaitQuietly(settled, timeout);
        if (!settledInTime || streams.state() != KafkaStreams.State.RUNNING) {
            KafkaStreams.State state = streams.state();
            streams.close(new KafkaStreams.CloseOptions().leaveGroup(true).timeout(CLOSE_TIMEOUT));
            String why = settledInTime ? "it stopped in state " + state : "it was still " + state + " after " + timeout.toSeconds() + " s";
            throw new IllegalStateException("Kafka Streams " + settings.applicationId() + " did not reach RUNNING: " + why
                    + "; do its topics " + AggregatesTopology.topics(settings.naming()) + " exist on "
                    + settings.bootstrapServers() + "?");
        }
        return new StreamsRole(streams);
    }

    /** The client's current state, for readiness checks. */
    public KafkaStreams.State state() {
        return streams.state();
    }

    /** Stops processing and leaves the consumer group at once, so a restart does not wait for a session timeout. */
    @Override
    public void close() {
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
