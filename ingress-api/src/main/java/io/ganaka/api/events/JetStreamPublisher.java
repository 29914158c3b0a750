package io.ganaka.api.events;

import io.ganaka.api.metrics.PublishMetrics;
import io.ganaka.api.metrics.PublishMetrics.Outcome;
import io.ganaka.schemas.Correlation;
import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventCodec;
import io.ganaka.schemas.Naming;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes events to the JetStream stream with {@code Nats-Msg-Id} = event id (so the stream drops repeats) and
 * the routing headers the bridge reads. jnats does not bound asynchronous publishes, so a semaphore caps how many
 * wait for their ack; beyond that, and whenever the connection is down, publishing fails at once.
 */
public final class JetStreamPublisher implements EventPublisher {

    public static final String USER_ID_HEADER = "Ganaka-User-Id";
    public static final String EVENT_TYPE_HEADER = "Ganaka-Event-Type";

    private final Connection nats;
    private final JetStream jetStream;
    private final Naming naming;
    private final Semaphore inFlight;
    private final Duration ackTimeout;
    private final PublishMetrics metrics;

    public JetStreamPublisher(Connection nats, Naming naming, int maxInFlight, Duration ackTimeout) {
        this(nats, naming, maxInFlight, ackTimeout, PublishMetrics.unregistered());
    }

    /** A publisher that counts every publish's outcome in {@code metrics}. */
    public JetStreamPublisher(Connection nats, Naming naming, int maxInFlight, Duration ackTimeout,
                              PublishMetrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.nats = Objects.requireNonNull(nats, "nats");
        this.naming = Objects.requireNonNull(naming, "naming");
        this.ackTimeout = Objects.requireNonNull(ackTimeout, "ackTimeout");
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1: " + maxInFlight);
        }
        this.inFlight = new Semaphore(maxInFlight);
        try {
            this.jetStream = nats.jetStream();
        } catch (IOException e) {
            // Only thrown when the options are invalid for this connection: a wiring error.
            throw new IllegalStateException("cannot create a JetStream context", e);
        }
    }

    @Override
    public CompletableFuture<PublishReceipt> publish(Event event) {
        if (nats.getStatus() != Connection.Status.CONNECTED) {
            // While disconnected jnats would buffer the message and we would only learn of it at the timeout.
            metrics.record(event.type(), Outcome.REFUSED);
            return CompletableFuture.failedFuture(new PublishUnavailableException("NATS is " + nats.getStatus()));
        }
        if (!inFlight.tryAcquire()) {
            metrics.record(event.type(), Outcome.REFUSED);
            return CompletableFuture.failedFuture(new PublishUnavailableException("too many publishes in flight"));
        }
        CompletableFuture<PublishAck> ack;
        try {
            ack = jetStream.publishAsync(message(event), PublishOptions.builder()
                    .messageId(event.id())
                    .expectedStream(naming.streamName())
                    .build());
        } catch (RuntimeException e) {
            // jnats throws synchronously when the connection closed between the status check and the publish.
            inFlight.release();
            metrics.record(event.type(), Outcome.REFUSED);
            return CompletableFuture.failedFuture(new PublishUnavailableException("publish refused: " + e, e));
        }
        return ack.orTimeout(ackTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((done, failure) -> {
                    inFlight.release();
                    if (failure != null) {
                        metrics.record(event.type(), Outcome.FAILED);
                        throw new CompletionException(unavailable(event, failure));
                    }
                    metrics.record(event.type(), done.isDuplicate() ? Outcome.DUPLICATE : Outcome.STORED);
                    return new PublishReceipt(event.id(), done.getStream(), done.getSeqno(), done.isDuplicate());
                });
    }

    @Override
    public boolean isConnected() {
        return nats.getStatus() == Connection.Status.CONNECTED;
    }

    private NatsMessage message(Event event) {
        Headers headers = new Headers()
                .put(USER_ID_HEADER, event.userId())
                .put(EVENT_TYPE_HEADER, event.type());
        if (event.correlationId() != null) {
            headers.put(Correlation.NATS_HEADER, event.correlationId());
        }
        return NatsMessage.builder()
                .subject(naming.eventSubject(event.eventType()))
                .headers(headers)
                .data(EventCodec.encode(event))
                .build();
    }

    private PublishUnavailableException unavailable(Event event, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        String why = cause instanceof TimeoutException
                ? "no ack within " + ackTimeout.toMillis() + " ms"
                : cause.toString();
        return new PublishUnavailableException("event " + event.id() + " not stored: " + why, cause);
    }
}
