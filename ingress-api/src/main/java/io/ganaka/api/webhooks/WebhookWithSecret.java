package io.ganaka.api.webhooks;

import java.time.Instant;
import java.util.List;

/**
 * The answer to creating a webhook or rotating its secret: the webhook with its signing secret, the only time the
 * secret is shown.
 */
public record WebhookWithSecret(String id, String url, List<String> eventTypes, String description, boolean active,
                                Instant createdAt, Instant updatedAt, String secret) {

    static WebhookWithSecret of(WebhookView view, String secret) {
        return new WebhookWithSecret(view.id(), view.url(), view.eventTypes(), view.description(), view.active(),
                view.createdAt(), view.updatedAt(), secret);
    }
}
