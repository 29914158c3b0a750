package io.ganaka.sinks.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ganaka.schemas.Json;
import io.ganaka.schemas.LiveMessage;
import io.ganaka.schemas.Naming;
import io.nats.client.Connection;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * In-app notifications: a {@link LiveMessage} of type {@code notification} on the user's live subject (NATS core),
 * which every API instance holding a dashboard socket of the user forwards. Sent once the server has it (a flush
 * confirms that); a user with no dashboard open sees it in {@code GET /notifications}. Quiet hours do not hold it.
 */
public final class InAppChannel implements NotificationChannel {

    private final Connection nats;
    private final Naming naming;
    private final Duration flushTimeout;

    public InAppChannel(Connection nats, Naming naming, Duration flushTimeout) {
        this.nats = nats;
        this.naming = naming;
        this.flushTimeout = flushTimeout;
    }

    @Override
    public String name() {
        return "in-app";
    }

    @Override
    public boolean respectsQuietHours() {
        return false;
    }

    @Override
    public Optional<String> recipientFor(UserContact user) {
        return user.preferences().inApp() ? Optional.of(user.userId().toString()) : Optional.empty();
    }

    @Override
    public DeliveryOutcome deliver(Notification n) {
        try {
            nats.publish(naming.liveSubject(n.userId().toString()), Json.MAPPER.writeValueAsBytes(message(n)));
            nats.flush(flushTimeout);
            return DeliveryOutcome.SENT;
        } catch (JsonProcessingException e) {
            return DeliveryOutcome.failed("cannot encode the message: " + e.getMessage());
        } catch (TimeoutException | IllegalStateException e) {
            // Not connected (reconnecting, or closed): a later attempt may find the server.
            return DeliveryOutcome.retry("NATS: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryOutcome.retry("interrupted while publishing");
        }
    }

    static LiveMessage message(Notification n) {
        ObjectNode data = Json.MAPPER.createObjectNode();
        data.put("id", n.id().toString());
        data.put("kind", n.kind());
        data.put("subject", n.subject());
        data.put("body", n.body());
        data.put("createdAt", n.createdAt().toString());
        return new LiveMessage("notification", n.userId().toString(), null, data);
    }
}
