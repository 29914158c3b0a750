package io.ganaka.sinks.webhooks;

import io.ganaka.schemas.webhooks.WebhookDelivery;
import java.util.UUID;

/** An active webhook of a user that wants an event type: where to send it and the secret to sign it with. */
public record WebhookSubscriber(UUID userId, UUID webhookId, String url, String secret) {

    /** The delivery of {@code body} (the event envelope's JSON) to this webhook. */
    public WebhookDelivery delivery(String eventType, String deliveryId, byte[] body) {
        return new WebhookDelivery(url, secret, eventType, deliveryId, body);
    }

    @Override
    public String toString() {
        // Records print every component; the secret must never reach a log.
        return "WebhookSubscriber[userId=" + userId + ", webhookId=" + webhookId + ", url=" + url + "]";
    }
}
