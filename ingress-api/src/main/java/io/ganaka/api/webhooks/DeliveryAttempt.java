package io.ganaka.api.webhooks;

import io.ganaka.schemas.webhooks.DeliveryOutcome;
import java.util.UUID;

/** One attempt to deliver an event to a webhook, as {@code webhook_deliveries} keeps it. */
record DeliveryAttempt(UUID deliveryId, int attempt, String eventId, String eventType, DeliveryOutcome outcome) {}
