package io.ganaka.sinks.notify;

import java.util.Optional;

/**
 * What one input event asks of the notifications: rendered notifications on the user's channels, a delivery to each
 * of the user's webhooks subscribed to its type, or both (an alert).
 */
public record IntakeEvent(Optional<NotificationRequest> notification, Optional<WebhookEvent> webhook) {}
