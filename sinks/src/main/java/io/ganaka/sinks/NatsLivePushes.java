package io.ganaka.sinks;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.ganaka.schemas.Json;
import io.ganaka.schemas.LiveMessage;
import io.ganaka.schemas.Naming;
import io.ganaka.schemas.dashboard.Dashboard;
import io.nats.client.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a {@code dashboard.changed} {@link LiveMessage}, whose {@code data} is the whole new dashboard, on the
 * user's live subject (NATS core: it matters only to sockets open right now; a client that missed it gets a fresh
 * snapshot when it reconnects).
 */
public final class NatsLivePushes implements LivePushes {

    private static final Logger LOG = LoggerFactory.getLogger(NatsLivePushes.class);

    private final Connection nats;
    private final Naming naming;

    public NatsLivePushes(Connection nats, Naming naming) {
        this.nats = nats;
        this.naming = naming;
    }

    @Override
    public void dashboardChanged(String correlationId, Dashboard dashboard) {
        try {
            LiveMessage message = new LiveMessage("dashboard.changed", dashboard.userId(), correlationId,
                    Json.MAPPER.valueToTree(dashboard));
            nats.publish(naming.liveSubject(dashboard.userId()), Json.MAPPER.writeValueAsBytes(message));
        } catch (JsonProcessingException | RuntimeException e) {
            // Closed connection or full reconnect buffer: the open sockets miss one push, the next snapshot has it.
            LOG.debug("could not push the dashboard of {}: {}", dashboard.userId(), e.toString());
        }
    }
}
