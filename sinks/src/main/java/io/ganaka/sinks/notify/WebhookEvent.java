package io.ganaka.sinks.notify;

import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventPayload;
import io.ganaka.schemas.webhooks.WebhookEventTypes;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * An event the user's webhooks may want: its type, when it occurred, and {@code body}, the envelope's JSON exactly as
 * it came off the topic, which is what every attempt sends (and signs afresh).
 */
public record WebhookEvent(UUID userId, UUID eventId, String eventType, Instant occurredAt, String body) {

    /**
     * True for the subscribable types, except the {@code notification.sent} of a webhook notification: announcing a
     * webhook delivery to the webhooks would deliver again, and again.
     */
    public static boolean wanted(Event event) {
        if (!WebhookEventTypes.isSubscribable(event.type())) {
            return false;
        }
        return !(event.data() instanceof EventPayload.NotificationSent sent && WebhookChannel.NAME.equals(sent.channel()));
    }

    static Optional<WebhookEvent> of(Event event, UUID userId, UUID eventId, String body) {
        return wanted(event)
                ? Optional.of(new WebhookEvent(userId, eventId, event.type(), event.occurredAt(), body))
                : Optional.empty();
    }
}
