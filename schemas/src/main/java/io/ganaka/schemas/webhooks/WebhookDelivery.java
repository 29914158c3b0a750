package io.ganaka.schemas.webhooks;

import java.util.Objects;

/**
 * One delivery to send: the target and its secret, the event type and the delivery id that travel in headers, and the
 * exact body bytes that are signed and sent (an event envelope as JSON). A retry of the same delivery keeps its
 * {@code deliveryId}, so that receivers can drop repeats.
 */
public record WebhookDelivery(String url, String secret, String eventType, String deliveryId, byte[] body) {

    public WebhookDelivery {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(body, "body");
    }

    @Override
    public String toString() {
        // Records print every component; the secret must never reach a log.
        return "WebhookDelivery[url=" + url + ", eventType=" + eventType + ", deliveryId=" + deliveryId
                + ", bodyBytes=" + body.length + "]";
    }
}
