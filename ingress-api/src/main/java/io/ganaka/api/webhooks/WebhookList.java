package io.ganaka.api.webhooks;

import java.util.List;

/** {@code GET /webhooks}: all of the caller's webhooks, oldest first (at most ten, so no paging). */
public record WebhookList(List<WebhookView> items) {}
