package io.ganaka.api.webhooks;

import java.time.Instant;
import java.util.List;

/** A webhook as the API returns it: everything but its secret, which is shown only by {@link WebhookWithSecret}. */
public record WebhookView(String id, String url, List<String> eventTypes, String description, boolean active,
                          Instant createdAt, Instant updatedAt) {}
