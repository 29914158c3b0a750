package io.ganaka.api.webhooks;

import io.ganaka.schemas.Event;
import io.ganaka.schemas.webhooks.WebhookEventTypes;
import java.time.Instant;

/**
 * The body of a test delivery: an event envelope like every delivery's, of type {@code webhook.test}, whose data
 * names the webhook. It never enters the pipeline, so it is written here rather than as an {@link Event}.
 */
record WebhookTestEvent(String id, String type, int schemaVersion, Instant occurredAt, String userId,
                        String correlationId, Data data) {

    record Data(String webhookId, String message) {}

    static WebhookTestEvent of(String id, Instant at, String userId, String correlationId, String webhookId) {
        return new WebhookTestEvent(id, WebhookEventTypes.TEST, Event.CURRENT_SCHEMA_VERSION, at, userId,
                correlationId, new Data(webhookId, "A test delivery from Ganaka: this webhook is reachable."));
    }
}
