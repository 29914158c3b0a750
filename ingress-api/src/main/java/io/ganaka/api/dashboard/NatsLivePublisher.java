package io.ganaka.api.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.ganaka.schemas.Json;
import io.ganaka.schemas.LiveMessage;
import io.ganaka.schemas.Naming;
import io.nats.client.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishes live messages on the user's NATS core subject ({@link Naming#liveSubject(String)}). */
public final class NatsLivePublisher implements LivePublisher {

    private static final Logger LOG = LoggerFactory.getLogger(NatsLivePublisher.class);

    private final Connection nats;
    private final Naming naming;

    public NatsLivePublisher(Connection nats, Naming naming) {
        this.nats = nats;
        this.naming = naming;
    }

    @Override
    public void publish(LiveMessage message) {
        try {
            nats.publish(naming.liveSubject(message.userId()), Json.MAPPER.writeValueAsBytes(message));
        } catch (JsonProcessingException | RuntimeException e) {
            // A closed connection: open sockets miss this push; their next snapshot has the change.
            LOG.debug("could not publish a live message for {}: {}", message.userId(), e.toString());
        }
    }
}
