package io.ganaka.bridge;

import io.ganaka.schemas.Correlation;
import io.nats.client.Connection;
import io.nats.client.ConsumeOptions;
import io.nats.client.ConsumerContext;
import io.nats.client.Dispatcher;
import io.nats.client.JetStreamApiException;
import io.nats.client.Message;
import io.nats.client.MessageConsumer;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.DeliverPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards every event of the JetStream stream to its Kafka input topic, keyed by user id. A message is acked on
 * JetStream only once Kafka acknowledged its record, and nak'd when the send fails, so a crash can duplicate but
 * never lose an event.
 */
public final class Bridge implements AutoCloseable {

    static final String EVENT_ID_HEADER = "ganaka-event-id";
    static final String EVENT_TYPE_HEADER = "ganaka-event-type";
    static final String DLQ_REASON_HEADER = "ganaka-dlq-reason";
    static final String DLQ_SOURCE_HEADER = "ganaka-dlq-source";

    private static final Logger LOG = LoggerFactory.getLogger(Bridge.class);
    /** How long a failed message waits before JetStream offers it again; long enough not to spin on an outage. */
    private static final Duration NAK_DELAY = Duration.ofSeconds(1);
    private static final int MAX_PULL_BATCH = 1_000;
    /**
     * How long each pull request lives. A pull dies with the server that held it (a NATS restart), and the client sees
     * that only when the pull's heartbeats stop (at most half this, missed a few times): the default 30 s left the
     * bridge idle for 90 s after a NATS restart; 5 s brings it back within seconds, for a pull every 5 s when idle.
     */
    private static final long PULL_EXPIRES_MILLIS = 5_000;
    /** How long close() lets the dispatcher hand back (nak) messages that had already arrived. */
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(5);

    private final BridgeSettings settings;
    private final Producer<String, byte[]> producer;
    private final EventRouter router;
    private final Semaphore inFlight;
    private final BridgeCounters counters = new BridgeCounters();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile MessageConsumer consumer;
    private volatile ConsumerContext consumerContext;
    private volatile Dispatcher dispatcher;

    private Bridge(BridgeSettings settings, Producer<String, byte[]> producer) {
        this.settings = settings;
        this.producer = producer;
        this.router = new EventRouter(settings.naming());
        this.inFlight = new Semaphore(settings.maxInFlight());
    }

    /**
     * Creates (or updates) the durable consumer on the stream, which must already exist, and starts forwarding.
     *
     * @throws IllegalStateException when the stream or consumer cannot be reached
     */
    public static Bridge start(BridgeSettings settings, Connection nats) {
        Producer<String, byte[]> producer = new KafkaProducer<>(
                BridgeProducerConfig.properties(settings), new StringSerializer(), new ByteArraySerializer());
        Bridge bridge = new Bridge(settings, producer);
        try {
            bridge.subscribe(nats);
        } catch (IOException | JetStreamApiException | RuntimeException e) {
            if (bridge.dispatcher != null) {
                nats.closeDispatcher(bridge.dispatcher);
            }
            producer.close(Duration.ZERO);
            throw new IllegalStateException("bridge cannot consume stream " + settings.naming().streamName()
                    + " as " + settings.naming().bridgeConsumer() + ": " + e.getMessage(), e);
        }
        LOG.info("bridge forwarding {} to Kafka as consumer {}", settings.naming().streamName(),
                settings.naming().bridgeConsumer());
        return bridge;
    }

    public BridgeCounters counters() {
        return counters;
    }

    /** The live metrics of the bridge's Kafka producer, for the metrics endpoint. */
    public Map<MetricName, ? extends Metric> producerMetrics() {
        return producer.metrics();
    }

    /**
     * Asks the JetStream server how far the bridge's durable consumer is behind: one request-reply round trip, so
     * callers should not ask on every scrape.
     *
     * @throws IOException when the server does not answer in time or the connection is down
     * @throws JetStreamApiException when the server answers with an error (e.g. the consumer is gone)
     */
    public ConsumerBacklog backlog() throws IOException, JetStreamApiException {
        ConsumerContext context = consumerContext;
        if (context == null) {
            throw new IOException("the bridge has not subscribed yet");
        }
        ConsumerInfo info = context.getConsumerInfo();
        return new ConsumerBacklog(info.getNumPending(), info.getNumAckPending());
    }

    private void subscribe(Connection nats) throws IOException, JetStreamApiException {
        ConsumerConfiguration config = ConsumerConfiguration.builder()
                .durable(settings.naming().bridgeConsumer())
                .deliverPolicy(DeliverPolicy.All)
                .ackPolicy(AckPolicy.Explicit)
                .ackWait(settings.ackWait())
                // The server-side bound on unacked messages matches the local one, so neither side piles up.
                .maxAckPending(settings.maxInFlight())
                .build();
        ConsumerContext context = nats.getStreamContext(settings.naming().streamName()).createOrUpdateConsumer(config);
        consumerContext = context;
        ConsumeOptions options = ConsumeOptions.builder()
                .batchSize(Math.min(settings.maxInFlight(), MAX_PULL_BATCH))
                .expiresIn(PULL_EXPIRES_MILLIS)
                .build();
        // A dispatcher of our own, so that close() can drain it: every message already received gets nak'd rather
        // than dropped with the subscription, which would leave it waiting out the whole ack wait.
        dispatcher = nats.createDispatcher();
        consumer = context.consume(options, dispatcher, this::onMessage);
    }

    @SuppressWarnings("try") // the scope is held for the MDC entries it sets, never referenced
    private void onMessage(Message msg) {
        try {
            if (stopping.get() || !acquirePermit()) {
                // Closing: hand the message straight back so the next bridge gets it without waiting for ack wait.
                msg.nak();
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            msg.nak();
            return;
        }
        try (Correlation.Scope ignored = Correlation.open(correlationId(msg))) {
            Route route = router.route(msg.getSubject(), msg.getHeaders(), msg.getData());
            producer.send(toRecord(route, msg), (metadata, error) -> complete(msg, route, error));
        } catch (RuntimeException e) {
            // send() itself failed (metadata not available in max.block.ms, producer closed): retry later.
            complete(msg, null, e);
        }
    }

    /** The request id the API put on the message, so that the bridge's lines about it name the request. */
    private static String correlationId(Message msg) {
        return msg.getHeaders() == null ? null : msg.getHeaders().getFirst(Correlation.NATS_HEADER);
    }

    /** Waits for a free in-flight slot, giving up when the bridge starts closing. */
    private boolean acquirePermit() throws InterruptedException {
        while (!inFlight.tryAcquire(100, TimeUnit.MILLISECONDS)) {
            if (stopping.get()) {
                return false;
            }
        }
        return true;
    }

    private ProducerRecord<String, byte[]> toRecord(Route route, Message msg) {
        if (route instanceof Route.Forward forward) {
            ProducerRecord<String, byte[]> record =
                    new ProducerRecord<>(forward.topic(), forward.userId(), msg.getData());
            addHeader(record, EVENT_ID_HEADER, forward.eventId());
            addHeader(record, EVENT_TYPE_HEADER, forward.eventType());
            return record;
        }
        Route.DeadLetter dead = (Route.DeadLetter) route;
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(dead.topic(), dead.userId(), msg.getData());
        addHeader(record, DLQ_REASON_HEADER, dead.reason());
        addHeader(record, DLQ_SOURCE_HEADER, "nats:" + msg.getSubject());
        addHeader(record, EVENT_TYPE_HEADER, dead.eventType());
        String msgId = msg.getHeaders() == null ? null : msg.getHeaders().getFirst(EventRouter.MSG_ID_HEADER);
        addHeader(record, EVENT_ID_HEADER, msgId);
        return record;
    }

    private static void addHeader(ProducerRecord<String, byte[]> record, String name, String value) {
        if (value != null) {
            record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Runs on the producer's I/O thread once Kafka answered, or inline when send() threw. */
    @SuppressWarnings("try") // the scope is held for the MDC entries it sets, never referenced
    private void complete(Message msg, Route route, Exception error) {
        try (Correlation.Scope ignored = Correlation.open(correlationId(msg))) {
            if (error == null) {
                msg.ack();
                if (route instanceof Route.DeadLetter dead) {
                    counters.recordDeadLettered();
                    LOG.warn("dead-lettered message on {}: {}", msg.getSubject(), dead.reason());
                } else if (route instanceof Route.Forward forward) {
                    counters.recordForwarded(forward.eventType());
                    LOG.debug("forwarded {} {} to {}", forward.eventType(), forward.eventId(), forward.topic());
                }
            } else {
                counters.recordFailed();
                msg.nakWithDelay(NAK_DELAY);
                LOG.warn("Kafka send failed for message on {}, nak'd for redelivery: {}", msg.getSubject(),
                        error.toString());
            }
        } catch (RuntimeException e) {
            // The NATS connection is gone; JetStream redelivers the message after ack wait.
            LOG.warn("could not ack/nak message on {}: {}", msg.getSubject(), e.toString());
        } finally {
            inFlight.release();
        }
    }

    /** Unsubscribes at the server, then lets the dispatcher run what already arrived through onMessage (nak). */
    private void drainDispatcher() {
        Dispatcher current = dispatcher;
        if (current == null) {
            return;
        }
        try {
            current.drain(DRAIN_TIMEOUT).get(DRAIN_TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // Connection closed or drain too slow: unhandled messages come back after the ack wait instead.
            LOG.warn("could not drain the bridge's NATS dispatcher: {}", e.toString());
        }
    }

    /** Stops consuming, waits for records in flight to be acknowledged, flushes and closes the producer. */
    @Override
    public void close() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        MessageConsumer current = consumer;
        if (current != null) {
            current.stop();
        }
        drainDispatcher();
        boolean drained = false;
        try {
            long waitMs = settings.kafkaDeliveryTimeout().toMillis() + 1_000;
            drained = inFlight.tryAcquire(settings.maxInFlight(), waitMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!drained) {
            LOG.warn("bridge closing with sends still in flight; JetStream will redeliver them");
        }
        producer.flush();
        if (current != null) {
            try {
                current.close();
            } catch (Exception e) {
                // Unsubscribing failed because the connection is already closed: nothing is left to release.
                LOG.debug("closing the JetStream consumer failed", e);
            }
        }
        producer.close(Duration.ofSeconds(5));
        LOG.info("bridge stopped: forwarded={} deadLettered={} failed={}", counters.forwarded(),
                counters.deadLettered(), counters.failed());
    }
}
